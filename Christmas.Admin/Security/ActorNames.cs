using System.Security.Claims;

namespace Christmas.Admin.Security;

/// <summary>The name the audit log records for whoever makes a request: the user's email, "api-token" (Admin:ApiToken) or "api-token:&lt;name&gt;" (a stored token).</summary>
public static class ActorNames
{
    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string ActorName(this HttpContext context) => context.User.ActorName();
}
