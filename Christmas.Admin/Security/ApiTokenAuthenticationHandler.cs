using System.Security.Claims;
using System.Text.Encodings.Web;
using Christmas.Admin.Security.Scopes;
using Christmas.Core.Accounts;
using Christmas.Core.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security;

/// <summary>
/// Authenticates the operator API's tokens: <c>Authorization: Bearer &lt;token&gt;</c>, or HTTP Basic with any user
/// name and the token as password (what Kestra's clients send from 0.24 on). A token is either <c>Admin:ApiToken</c>
/// (the bootstrap token: every scope, named "api-token") or a stored one (its scopes, named "api-token:&lt;name&gt;").
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AdminOptions> admin,
    ApiTokenCheck tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string BootstrapName = "api-token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credentials = ApiCredentials.Read(Request);
        if (credentials is null) return AuthenticateResult.NoResult();
        if (SecretComparer.Matches(credentials.Token, admin.Value.ApiToken))
            return Success(BootstrapName, [ApiScopes.Admin]);
        if (credentials.Token.Length is 0 or > 512) return AuthenticateResult.Fail(ApiTokenCheckResult.Unknown);
        var checkedToken = await tokens.CheckAsync(credentials.Token, Context.RequestAborted);
        return checkedToken.Refusal is { } refusal
            ? AuthenticateResult.Fail(refusal)
            : Success($"{BootstrapName}:{checkedToken.Token!.Name}", checkedToken.Token.ScopeList);
    }

    private static AuthenticateResult Success(string name, IReadOnlyList<string> scopes)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(scopes.Select(s => new Claim(TokenClaims.Scope, s)));
        // An admin token may do what an Admin may, the Hangfire dashboard included.
        if (scopes.Contains(ApiScopes.Admin)) claims.Add(new Claim(ClaimTypes.Role, ConsoleRoles.Admin));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// 401 with a problem body. A token that was sent but is refused is told so and why (RFC 6750's <c>invalid_token</c>:
    /// unknown, expired or revoked), so a caller with a stale or mistyped token does not go looking for a missing header.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = reason is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"The API token is {reason}.\"";
        await Results.Problem(statusCode: 401,
            title: reason is null ? "Unauthorized" : "Invalid API token",
            detail: reason switch
            {
                null => "Send Authorization: Bearer <token> (or HTTP Basic with the token as password).",
                ApiTokenCheckResult.Expired => "The API token sent is invalid: it has expired. Make a new one on the Tokens page.",
                ApiTokenCheckResult.Revoked => "The API token sent is invalid: it was revoked. Make a new one on the Tokens page.",
                _ => "The API token sent (Bearer, or the password of HTTP Basic) is invalid: it is unknown (neither Admin:ApiToken nor a stored token).",
            },
            extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason })
            .ExecuteAsync(Context);
    }
}
