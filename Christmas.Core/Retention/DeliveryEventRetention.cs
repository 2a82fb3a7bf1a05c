using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>
/// An old applied event keeps its row (type, email id, times, step, outcome) for the step's timeline; the raw
/// payload (addresses, subject) goes. The step's status and delivery flags were set when it was applied, so
/// the funnel never reads it. An event not applied yet keeps its payload: applying reads it.
/// </summary>
public sealed class DeliveryEventRetention : IRetentionTarget
{
    public string Kind => RetentionKinds.DeliveryEvents;

    public int Days(RetentionOptions options) => options.DeliveryEvents;

    public async Task<RetentionBatch> PurgeBatchAsync(CampaignDbContext db, DateTime cutoff, DateTime now, int size, CancellationToken ct)
    {
        var ids = await db.DeliveryEvents.Where(e => e.PurgedAt == null && e.ReceivedAt < cutoff && e.AppliedAt != null)
            .OrderBy(e => e.ReceivedAt).Select(e => e.Id).Take(size).ToListAsync(ct);
        if (ids.Count == 0) return new RetentionBatch(0, 0);
        var purged = await db.DeliveryEvents.Where(e => ids.Contains(e.Id) && e.PurgedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(e => e.PayloadJson, "null")
                .SetProperty(e => e.PurgedAt, (DateTime?)now), ct);
        return new RetentionBatch(ids.Count, purged);
    }
}
