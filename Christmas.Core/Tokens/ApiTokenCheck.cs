using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Tokens;

/// <summary>Why a presented token was refused, or the token it is.</summary>
public sealed record ApiTokenCheckResult(ApiToken? Token, string? Refusal)
{
    public const string Unknown = "unknown";
    public const string Expired = "expired";
    public const string Revoked = "revoked";
}

/// <summary>
/// Finds the stored token a secret belongs to (one indexed read by its hash) and marks it used, writing
/// at most once a minute per token.
/// </summary>
public sealed class ApiTokenCheck(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<ApiTokenCheckResult> CheckAsync(string secret, CancellationToken ct)
    {
        var hash = ApiTokenSecret.Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null) return new(null, ApiTokenCheckResult.Unknown);
        if (token.RevokedAt is not null) return new(token, ApiTokenCheckResult.Revoked);
        var now = time.GetUtcNow().UtcDateTime;
        if (token.ExpiresAt is { } expires && expires <= now) return new(token, ApiTokenCheckResult.Expired);
        if (token.LastUsedAt is not { } used || now - used >= LastUsedPrecision)
        {
            var stale = now - LastUsedPrecision;
            // The condition makes concurrent first calls of a minute write once between them.
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return new(token, null);
    }
}
