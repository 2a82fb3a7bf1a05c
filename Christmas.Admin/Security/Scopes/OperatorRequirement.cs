using Microsoft.AspNetCore.Authorization;

namespace Christmas.Admin.Security.Scopes;

/// <summary>A console user needs one of <see cref="Roles"/>; an API token needs the endpoint's <see cref="RequiredScope"/>.</summary>
public sealed record OperatorRequirement(IReadOnlyList<string> Roles) : IAuthorizationRequirement;

/// <summary>Why a token was refused: the scope it lacks (the 403's problem names it).</summary>
public sealed class MissingScopeReason(IAuthorizationHandler handler, string scope)
    : AuthorizationFailureReason(handler, $"This token lacks the scope {scope}.")
{
    public string Scope { get; } = scope;
}
