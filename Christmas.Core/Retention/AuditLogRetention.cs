using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>Audit entries older than <c>Retention:AuditLog</c> days are deleted.</summary>
public sealed class AuditLogRetention : IRetentionTarget
{
    public string Kind => RetentionKinds.AuditLog;

    public int Days(RetentionOptions options) => options.AuditLog;

    public async Task<RetentionBatch> PurgeBatchAsync(CampaignDbContext db, DateTime cutoff, DateTime now, int size, CancellationToken ct)
    {
        var ids = await db.AuditEntries.Where(e => e.At < cutoff).OrderBy(e => e.At).Select(e => e.Id).Take(size).ToListAsync(ct);
        if (ids.Count == 0) return new RetentionBatch(0, 0);
        return new RetentionBatch(ids.Count, await db.AuditEntries.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(ct));
    }
}
