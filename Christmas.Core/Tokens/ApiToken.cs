namespace Christmas.Core.Tokens;

/// <summary>
/// A named operator API token. Only the SHA-256 of its secret is kept: the secret itself is shown once,
/// when the token is made, and can never be read back.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole secret (<c>cct_...</c>).</summary>
    public required string SecretHash { get; set; }
    /// <summary>The scopes, space-separated (OAuth's spelling).</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ExpiresAt { get; set; }
    /// <summary>Updated at most once a minute per token, so a busy script does not write on every call.</summary>
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
