using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Christmas.Admin.Security.Scopes;

/// <summary>A token refused for want of a scope gets a 403 that names it (RFC 6750's insufficient_scope); everything else as before.</summary>
public sealed class MissingScopeResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<MissingScopeReason>().FirstOrDefault() is { } missing)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{missing.Scope}\"";
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: missing.Message,
                extensions: new Dictionary<string, object?> { ["missingScope"] = missing.Scope }).ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
