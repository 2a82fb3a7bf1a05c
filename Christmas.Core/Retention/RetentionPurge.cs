using Christmas.Core.Audit;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Retention;

/// <summary>
/// Purges every kind past its retention, in transactions of at most <see cref="BatchSize"/> rows, so a webhook's
/// write never waits long behind it. Each batch re-checks "not purged yet" in its UPDATE, so running twice purges
/// each row once: a second run finds nothing. One purge at a time: in this process a second waits for the first;
/// across instances the "retention" lease (renewed each batch) lets one run and the others answer null.
/// </summary>
public sealed class RetentionPurge(
    IDbContextFactory<CampaignDbContext> contexts,
    IEnumerable<IRetentionTarget> targets,
    IOptionsMonitor<RetentionOptions> options,
    RetentionRunStore runs,
    RetentionMetrics metrics,
    AuditLog audit,
    LeaseKeeper leases,
    TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    public const int BatchSize = 1_000;
    public const string ScheduledBy = "schedule";
    public const string AuditAction = "retention.purge";
    private const string LeaseName = "retention";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="startedBy">"schedule", or the operator who pressed "Purge now" (then audited).</param>
    /// <returns>The run; null when another instance is purging now.</returns>
    public async Task<RetentionRun?> RunAsync(string startedBy, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            if (!await leases.HoldAsync(LeaseName, ct)) return null;
            try
            {
                return await PurgeAllAsync(startedBy, ct);
            }
            finally
            {
                await leases.ReleaseAsync(LeaseName, CancellationToken.None);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<RetentionRun> PurgeAllAsync(string startedBy, CancellationToken ct)
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
        // Renewed before each batch; lost only if a batch outlasted the lease's term: then another instance goes on.
        while (await leases.HoldAsync(LeaseName, ct))
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
        return (rows, transactions);
    }
}
