namespace Christmas.Core.Tokens;

/// <summary>What makes a token: a name, at least one known scope, and optionally when it stops working.</summary>
public sealed record ApiTokenRequest(string? Name, IReadOnlyList<string>? Scopes, DateTime? ExpiresAt)
{
    public const int MaxNameLength = 100;

    /// <returns>The field at fault and why, or null when the request is good.</returns>
    public (string Field, string Message)? Check(DateTime now)
    {
        if (string.IsNullOrWhiteSpace(Name)) return ("name", "name is required (say what the token is for, e.g. \"grafana\").");
        if (Name.Trim().Length > MaxNameLength) return ("name", $"name must be at most {MaxNameLength} characters.");
        if (Scopes is null || Scopes.Count == 0) return ("scopes", $"scopes must name at least one of: {string.Join(", ", ApiScopes.All)}.");
        if (Scopes.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown)
            return ("scopes", $"'{unknown}' is not a scope; scopes are: {string.Join(", ", ApiScopes.All)}.");
        if (ExpiresAt is { } expires && expires <= now) return ("expiresAt", "expiresAt must be in the future.");
        return null;
    }
}
