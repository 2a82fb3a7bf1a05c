using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>
/// A settled batch's request body is normally emptied by the send job itself; one left behind (a crash between
/// the last answer and that cleanup) goes after the Outbox retention. A batch with a member still scheduled or
/// sending keeps its body: a retry must send the same bytes. The row stays (its steps point at it).
/// </summary>
public sealed class SendBatchRetention : IRetentionTarget
{
    public string Kind => RetentionKinds.SendBatches;

    public int Days(RetentionOptions options) => options.OutboxBodies;

    public async Task<RetentionBatch> PurgeBatchAsync(CampaignDbContext db, DateTime cutoff, DateTime now, int size, CancellationToken ct)
    {
        // A small table (one row per up to 100 emails): no index of its own is needed.
        var ids = await db.SendBatches.Where(b => b.Body != "" && b.CreatedAt < cutoff
                && !db.Steps.Any(s => s.BatchId == b.Id && (s.Status == StepStatus.Scheduled || s.Status == StepStatus.Sending)))
            .OrderBy(b => b.Id).Select(b => b.Id).Take(size).ToListAsync(ct);
        if (ids.Count == 0) return new RetentionBatch(0, 0);
        var purged = await db.SendBatches.Where(b => ids.Contains(b.Id) && b.Body != "")
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Body, ""), ct);
        return new RetentionBatch(ids.Count, purged);
    }
}
