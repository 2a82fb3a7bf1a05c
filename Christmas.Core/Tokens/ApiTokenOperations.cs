using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Tokens;

/// <summary>The Tokens page's and <c>/api/tokens</c>' actions: list, make (the secret answered once), revoke; both audited.</summary>
public sealed class ApiTokenOperations(IDbContextFactory<CampaignDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(ct);
        return tokens.Select(ApiTokenView.From).ToList();
    }

    public async Task<Outcome<CreatedApiToken>> CreateAsync(ApiTokenRequest request, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (request.Check(now) is { } error) return Outcome<CreatedApiToken>.Invalid(error.Message);
        var name = request.Name!.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Audit entries name the token: two live tokens of one name could not be told apart.
        if (await db.ApiTokens.AnyAsync(t => t.Name == name && t.RevokedAt == null, ct))
            return Outcome<CreatedApiToken>.Conflict($"A token named '{name}' exists; revoke it or choose another name.");
        var secret = ApiTokenSecret.New();
        var scopes = ApiScopes.All.Where(request.Scopes!.Contains).ToList();
        var token = new ApiToken
        {
            Name = name,
            SecretHash = ApiTokenSecret.Hash(secret),
            Scopes = string.Join(' ', scopes),
            CreatedAt = now,
            CreatedBy = actor,
            ExpiresAt = request.ExpiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "token.create", $"token {token.Id} ({name})",
            $"scopes: {token.Scopes}; expires: {(token.ExpiresAt is { } e ? e.ToString("O") : "never")}", ct);
        return Outcome<CreatedApiToken>.Ok(new CreatedApiToken(token.Id, name, scopes, now, actor, token.ExpiresAt, secret));
    }

    /// <summary>Revoking twice keeps the first revocation's time.</summary>
    public async Task<Outcome<ApiTokenView>> RevokeAsync(long id, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } token)
            return Outcome<ApiTokenView>.NotFound($"There is no token {id}.");
        if (token.RevokedAt is not null) return Outcome<ApiTokenView>.Ok(ApiTokenView.From(token));
        token.RevokedAt = time.GetUtcNow().UtcDateTime;
        token.RevokedBy = actor;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "token.revoke", $"token {token.Id} ({token.Name})", null, ct);
        return Outcome<ApiTokenView>.Ok(ApiTokenView.From(token));
    }
}
