using Christmas.Core.Audit;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Retention;

/// <summary>
/// Purges every kind past its retention, in transactions of at most <see cref="BatchSize"/> rows, so a webhook's
/// write never waits long behind it. Each batch re-checks "not purged yet" in its UPDATE, so running twice, or on
/// two instances at once, purges each row once: a second run finds nothing.
/// </summary>
public sealed class RetentionPurge(
    IDbContextFactory<CampaignDbContext> contexts,
    IEnumerable<IRetentionTarget> targets,
    IOptionsMonitor<RetentionOptions> options,
    RetentionRunStore runs,
    RetentionMetrics metrics,
    AuditLog audit,
    TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    public const int BatchSize = 1_000;
    public const string ScheduledBy = "schedule";
    public const string AuditAction = "retention.purge";

    /// <param name="startedBy">"schedule", or the operator who pressed "Purge now" (then audited).</param>
    public async Task<RetentionRun> RunAsync(string startedBy, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var started = time.GetUtcNow().UtcDateTime;
        var rows = new Dictionary<string, int>();
        var transactions = new Dictionary<string, int>();
        foreach (var target in targets)
        {
            var days = target.Days(settings);
            (rows[target.Kind], transactions[target.Kind]) = days <= 0 ? (0, 0) : await PurgeAsync(target, started.AddDays(-days), ct);
        }
        var run = new RetentionRun(started, time.GetUtcNow().UtcDateTime, startedBy, rows, transactions);
        await runs.SaveAsync(run, ct);
        logger.LogInformation("Retention purge by {StartedBy}: {Rows}", startedBy, string.Join(", ", rows.Select(r => $"{r.Key} {r.Value}")));
        if (startedBy != ScheduledBy)
            await audit.RecordAsync(startedBy, AuditAction, "database", string.Join(", ", rows.Select(r => $"{r.Key}: {r.Value}")), ct);
        return run;
    }

    private async Task<(int Rows, int Transactions)> PurgeAsync(IRetentionTarget target, DateTime cutoff, CancellationToken ct)
    {
        var (rows, transactions) = (0, 0);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var batch = await target.PurgeBatchAsync(db, cutoff, now, BatchSize, ct);
            if (batch.Selected == 0) return (rows, transactions);
            await transaction.CommitAsync(ct);
            (rows, transactions) = (rows + batch.Purged, transactions + 1);
            metrics.Purged(target.Kind, batch.Purged);
            if (batch.Selected < BatchSize) return (rows, transactions);
        }
    }
}
