using System.Security.Claims;
using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security;

/// <summary>Whether a signed-in principal still stands: the user exists and its security stamp is unchanged
/// (a role change, a password reset or removal changes it).</summary>
public sealed class ConsoleSessionCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        // The API token has no stamp; it is checked on every request anyway.
        if (principal.Identity?.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName) return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.GetUserAsync(principal) is not { } user) return false;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
