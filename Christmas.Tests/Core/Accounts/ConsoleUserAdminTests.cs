using Christmas.Core.Accounts;
using Christmas.Core.Common;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Accounts;

public sealed class ConsoleUserAdminTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private ConsoleUserAdmin Admin => _app.Services.GetRequiredService<ConsoleUserAdmin>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ConsoleUserView> TheFirstAdminAsync() =>
        (await Admin.ListAsync(default)).Single(u => u.Email == TestApp.AdminEmail);

    [Fact]
    public async Task TheLastAdmin_CannotBeDemotedOrRemoved()
    {
        var admin = await TheFirstAdminAsync();

        var demote = await Admin.SetRoleAsync(admin.Id, ConsoleRoles.Marketer, "someone@test.local", default);
        var remove = await Admin.RemoveAsync(admin.Id, "someone@test.local", default);

        Assert.Equal(OutcomeKind.Conflict, demote.Kind);
        Assert.Equal(OutcomeKind.Conflict, remove.Kind);
        Assert.Equal(ConsoleRoles.Admin, (await TheFirstAdminAsync()).Role);
    }

    [Fact]
    public async Task AnAdmin_CanBeDemoted_OnceAnotherAdminExists()
    {
        await Admin.AddAsync("second@test.local", ConsoleRoles.Admin, "second-admin-password", TestApp.AdminEmail, default);

        var demote = await Admin.SetRoleAsync((await TheFirstAdminAsync()).Id, ConsoleRoles.Marketer, "second@test.local", default);

        Assert.Equal(OutcomeKind.Ok, demote.Kind);
        Assert.Equal(ConsoleRoles.Marketer, (await TheFirstAdminAsync()).Role);
    }

    [Theory]
    [InlineData("not-an-email", "Marketer", "long-enough-password")]
    [InlineData("new@test.local", "Owner", "long-enough-password")]
    [InlineData("new@test.local", "Marketer", "short")]
    public async Task BadInput_IsRefused_AndAddsNobody(string email, string role, string password)
    {
        var added = await Admin.AddAsync(email, role, password, TestApp.AdminEmail, default);

        Assert.Equal(OutcomeKind.Invalid, added.Kind);
        Assert.False(string.IsNullOrWhiteSpace(added.Error));
        Assert.Single(await Admin.ListAsync(default));
    }

    [Fact]
    public async Task AnExistingEmail_IsAConflict()
    {
        var added = await Admin.AddAsync(TestApp.AdminEmail.ToUpperInvariant(), ConsoleRoles.Marketer, "long-enough-password", TestApp.AdminEmail, default);

        Assert.Equal(OutcomeKind.Conflict, added.Kind);
    }
}
