using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Security;

public sealed class FirstAdminSeederTests
{
    [Fact]
    public async Task TheConfiguredAdmin_IsCreatedOnce_AndCanSignIn()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

        var admin = await users.FindByEmailAsync(TestApp.AdminEmail);

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, ConsoleRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, TestApp.AdminPassword));
        Assert.Single(users.Users);
    }

    [Fact]
    public async Task InDevelopment_WithoutAdminSettings_AnAdminWithAGeneratedPasswordIsCreated()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Admin:Email"] = "", ["Admin:Password"] = "" });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

        var admin = await users.FindByEmailAsync(FirstAdminSeeder.DevelopmentEmail);

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, ConsoleRoles.Admin));
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutAdminSettings_NoAccountIsMade()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = "", ["Admin:Password"] = "", ["environment"] = "Production",
        });
        await using var scope = app.Services.CreateAsyncScope();

        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>().Users);
    }
}
