using System.Security.Claims;

namespace Christmas.Admin.Security.Scopes;

/// <summary>The claims a token's principal carries: one per scope. A console user has none and is judged by role.</summary>
public static class TokenClaims
{
    public const string Scope = "scope";

    public static bool IsToken(this ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName);

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.HasClaim(Scope, scope) || user.HasClaim(Scope, Christmas.Core.Tokens.ApiScopes.Admin);
}
