using Christmas.Core.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace Christmas.Admin.Security.Scopes;

/// <summary>
/// Roles for people, scopes for tokens. A token is judged by the endpoint's declared scope only (so a
/// contacts:write token may suppress an address although a Marketer may not); where nothing is declared
/// (a console page, a new endpoint nobody mapped yet) only an <c>admin</c> token passes.
/// </summary>
public sealed class OperatorAuthorizationHandler : AuthorizationHandler<OperatorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        var user = context.User;
        if (!user.IsToken())
        {
            if (requirement.Roles.Any(user.IsInRole)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        var scope = endpoint?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? ApiScopes.Admin;
        if (scope == RequiredScope.AnyToken || user.HasScope(scope)) context.Succeed(requirement);
        else context.Fail(new MissingScopeReason(this, scope));
        return Task.CompletedTask;
    }
}
