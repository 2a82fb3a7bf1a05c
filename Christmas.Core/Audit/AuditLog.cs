using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Audit;

/// <summary>Writes and reads the audit log; every operator action (console or API) goes through here.</summary>
public sealed class AuditLog(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    public async Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Target = target,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Newest first; <paramref name="search"/> matches actor, action or target.</summary>
    public async Task<Page<AuditEntry>> PageAsync(PageRequest request, string? search, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(e => e.Actor.Contains(term) || e.Action.Contains(term) || e.Target.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return new Page<AuditEntry>(items, total, request.Page, request.Size);
    }
}
