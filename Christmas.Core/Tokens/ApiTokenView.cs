namespace Christmas.Core.Tokens;

/// <summary>A token as listed: never its secret.</summary>
public sealed record ApiTokenView(long Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, string CreatedBy,
    DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiTokenView From(ApiToken t) => new(t.Id, t.Name, t.ScopeList, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}

/// <summary>The answer to making a token: its view and, this once, its secret.</summary>
public sealed record CreatedApiToken(long Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, string CreatedBy,
    DateTime? ExpiresAt, string Secret);
