using System.Security.Claims;
using System.Text.Encodings.Web;
using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;Admin:ApiToken&gt;</c> (the operator API's token).</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AdminOptions> admin) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!SecretComparer.Matches(header["Bearer ".Length..].Trim(), admin.Value.ApiToken))
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
            detail: "Send Authorization: Bearer <Admin:ApiToken>. The operator API is closed while Admin:ApiToken is unset.")
            .ExecuteAsync(Context);
    }
}
