using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>An old Outbox message keeps its row (address, subject, template, key, time); its HTML, text, variables and headers go.</summary>
public sealed class OutboxRetention : IRetentionTarget
{
    public string Kind => RetentionKinds.OutboxBodies;

    public int Days(RetentionOptions options) => options.OutboxBodies;

    public async Task<RetentionBatch> PurgeBatchAsync(CampaignDbContext db, DateTime cutoff, DateTime now, int size, CancellationToken ct)
    {
        var ids = await db.OutboxMessages.Where(m => m.PurgedAt == null && m.CreatedAt < cutoff)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(size).ToListAsync(ct);
        if (ids.Count == 0) return new RetentionBatch(0, 0);
        var purged = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.PurgedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Html, "")
                .SetProperty(m => m.Text, "")
                .SetProperty(m => m.VariablesJson, "{}")
                .SetProperty(m => m.HeadersJson, "{}")
                .SetProperty(m => m.PurgedAt, (DateTime?)now), ct);
        return new RetentionBatch(ids.Count, purged);
    }
}
