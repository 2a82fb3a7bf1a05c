using Christmas.Core.Tokens;

namespace Christmas.Admin.Security.Scopes;

/// <summary>
/// Endpoint metadata: the scope an API token needs here. The innermost declaration wins, so a group's
/// read scope can be overridden by one write endpoint. An endpoint without one is open to <c>admin</c> tokens only.
/// </summary>
public sealed record RequiredScope(string Scope)
{
    /// <summary>Any valid token (the API description itself).</summary>
    public const string AnyToken = "";
}

public static class RequiredScopeExtensions
{
    /// <summary>Tokens need <paramref name="scope"/> (one of <see cref="ApiScopes"/>); console users keep their role rules.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        if (scope != RequiredScope.AnyToken && !ApiScopes.IsKnown(scope)) throw new ArgumentException($"'{scope}' is not a scope.", nameof(scope));
        return builder.WithMetadata(new RequiredScope(scope));
    }
}
