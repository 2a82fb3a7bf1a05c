using System.Security.Claims;
using System.Text.Encodings.Web;
using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security;

/// <summary>
/// Authenticates the operator API's token: <c>Authorization: Bearer &lt;Admin:ApiToken&gt;</c>, or HTTP Basic
/// with any user name and the token as password (what Kestra's clients send from 0.24 on).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AdminOptions> admin) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credentials = ApiCredentials.Read(Request);
        if (credentials is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!SecretComparer.Matches(credentials.Token, admin.Value.ApiToken))
            return Task.FromResult(AuthenticateResult.Fail("Invalid API token."));
        // The token is the operator API's master key: it may do what an Admin may.
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-token"), new Claim(ClaimTypes.Role, ConsoleRoles.Admin)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>
    /// 401 with a problem body. A token that was sent but is wrong is told so (RFC 6750's <c>invalid_token</c>),
    /// so a caller with a stale or mistyped token does not go looking for a missing header.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // With no token configured every token is refused, and the generic answer says why.
        var refused = !string.IsNullOrEmpty(admin.Value.ApiToken) && (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = refused
            ? "Bearer error=\"invalid_token\", error_description=\"The API token is invalid.\""
            : "Bearer";
        await Results.Problem(statusCode: 401,
            title: refused ? "Invalid API token" : "Unauthorized",
            detail: refused
                ? "The API token sent (Bearer, or the password of HTTP Basic) is invalid: it does not match Admin:ApiToken."
                : "Send Authorization: Bearer <Admin:ApiToken> (or HTTP Basic with the token as password). The operator API is closed while Admin:ApiToken is unset.")
            .ExecuteAsync(Context);
    }
}
