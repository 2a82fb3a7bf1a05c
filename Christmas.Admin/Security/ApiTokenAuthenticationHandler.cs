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

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "Unauthorized",
            detail: "Send Authorization: Bearer <Admin:ApiToken> (or HTTP Basic with the token as password). The operator API is closed while Admin:ApiToken is unset.")
            .ExecuteAsync(Context);
    }
}
