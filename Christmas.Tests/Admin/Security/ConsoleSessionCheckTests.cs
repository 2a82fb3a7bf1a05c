using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Security;

public sealed class ConsoleSessionCheckTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private ConsoleSessionCheck Check => _app.Services.GetRequiredService<ConsoleSessionCheck>();
    private ConsoleUserAdmin Users => _app.Services.GetRequiredService<ConsoleUserAdmin>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.CreateUserAsync("lee@test.local", "lee-password-123", ConsoleRoles.Marketer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The principal a sign-in would put in Lee's cookie now.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> SignedInLeeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ConsoleUser>>();
        var user = await signIn.UserManager.FindByEmailAsync("lee@test.local");
        return await signIn.CreateUserPrincipalAsync(user!);
    }

    private async Task<string> LeesIdAsync() => (await Users.ListAsync(default)).Single(u => u.Email == "lee@test.local").Id;

    [Fact]
    public async Task AnUnchangedUser_StaysSignedIn() =>
        Assert.True(await Check.IsCurrentAsync(await SignedInLeeAsync()));

    [Fact]
    public async Task ARoleChange_EndsTheOpenSession()
    {
        var session = await SignedInLeeAsync();
        await Users.AddAsync("boss@test.local", ConsoleRoles.Admin, "boss-password-123", TestApp.AdminEmail, default);

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
