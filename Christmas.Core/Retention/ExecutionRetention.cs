using Christmas.Core.Executions;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>
/// An old execution keeps its row (handler, state, times, contact, sequence, refusal status and reason), so
/// counts, searches and links stay; its payload becomes JSON <c>null</c> and its log empty.
/// </summary>
public sealed class ExecutionRetention : IRetentionTarget
{
    public string Kind => RetentionKinds.Executions;

    public int Days(RetentionOptions options) => options.Executions;

    public async Task<RetentionBatch> PurgeBatchAsync(CampaignDbContext db, DateTime cutoff, DateTime now, int size, CancellationToken ct)
    {
        // The partial index IX_Executions_Unpurged_ReceivedAt serves this: only rows still to purge are read.
        var ids = await db.Executions.Where(e => e.PurgedAt == null && e.ReceivedAt < cutoff)
            .OrderBy(e => e.ReceivedAt).Select(e => e.Id).Take(size).ToListAsync(ct);
        if (ids.Count == 0) return new RetentionBatch(0, 0);
        var purged = await db.Executions.Where(e => ids.Contains(e.Id) && e.PurgedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(e => e.PayloadJson, "null")
                .SetProperty(e => e.Logs, new List<ExecutionLogLine>())
                .SetProperty(e => e.PurgedAt, (DateTime?)now), ct);
        return new RetentionBatch(ids.Count, purged);
    }
}
