using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Security;

/// <remarks>One app for the class: each test signs in a Lee of its own (a unique address), so no test meets another's user.</remarks>
public sealed class ConsoleSessionCheckTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private readonly TestApp _app = shared.App;
    private readonly string _lee = $"lee-{Guid.NewGuid():N}@test.local";
    private ConsoleSessionCheck Check => _app.Services.GetRequiredService<ConsoleSessionCheck>();
    private ConsoleUserAdmin Users => _app.Services.GetRequiredService<ConsoleUserAdmin>();

    public async Task InitializeAsync()
    {
        await _app.CreateUserAsync(_lee, "lee-password-123", ConsoleRoles.Marketer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The principal a sign-in would put in Lee's cookie now.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> SignedInLeeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ConsoleUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(_lee);
        return await signIn.CreateUserPrincipalAsync(user!);
    }

    private async Task<string> LeesIdAsync() => (await Users.ListAsync(default)).Single(u => u.Email == _lee).Id;

    [Fact]
    public async Task AnUnchangedUser_StaysSignedIn() =>
        Assert.True(await Check.IsCurrentAsync(await SignedInLeeAsync()));

    [Fact]
    public async Task ARoleChange_EndsTheOpenSession()
    {
        var session = await SignedInLeeAsync();
        await Users.AddAsync($"boss-{Guid.NewGuid():N}@test.local", ConsoleRoles.Admin, "boss-password-123", TestApp.AdminEmail, default);

        await Users.SetRoleAsync(await LeesIdAsync(), ConsoleRoles.Admin, TestApp.AdminEmail, default);

        Assert.False(await Check.IsCurrentAsync(session));
    }

    [Fact]
    public async Task RemovingTheUser_EndsTheOpenSession()
    {
        var session = await SignedInLeeAsync();

        await Users.RemoveAsync(await LeesIdAsync(), TestApp.AdminEmail, default);

        Assert.False(await Check.IsCurrentAsync(session));
    }

    [Fact]
    public async Task APasswordReset_EndsTheOpenSession()
    {
        var session = await SignedInLeeAsync();

        await Users.ResetPasswordAsync(await LeesIdAsync(), "a-new-password-456", TestApp.AdminEmail, default);

        Assert.False(await Check.IsCurrentAsync(session));
    }
}
