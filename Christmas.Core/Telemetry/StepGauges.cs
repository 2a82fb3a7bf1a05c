using System.Diagnostics.Metrics;
using Christmas.Core.Notion.Status;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Telemetry;

/// <summary>
/// Gauges read from the database: pending, overdue and failed steps, and the Notion mirror's
/// backlog. Read at most once per <see cref="MetricsOptions.GaugeCacheSeconds"/> (index-only counts
/// on Steps(Status, NotBefore)), and never on a webhook or a send: the scrape refreshes them first
/// (<see cref="RefreshIfStaleAsync"/>), the gauges' callbacks only read the last snapshot.
/// </summary>
public sealed class StepGauges
{
    /// <summary>A scheduled step this long past its time is overdue: the scheduler is behind or stopped.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<CampaignDbContext> _contexts;
    private readonly NotionStatusReader _notion;
    private readonly IOptionsMonitor<MetricsOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StepGauges> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _last;
    private long _readAtTicks;

    public StepGauges(IMeterFactory meters, IDbContextFactory<CampaignDbContext> contexts, NotionStatusReader notion,
        IOptionsMonitor<MetricsOptions> options, TimeProvider time, ILogger<StepGauges> logger)
    {
        (_contexts, _notion, _options, _time, _logger) = (contexts, notion, options, time, logger);
        var meter = meters.Create(CampaignTelemetry.Name);
        meter.CreateObservableGauge("christmas.steps.pending", () => Observe(s => s.Pending), "{step}",
            "Steps scheduled or being sent.");
        meter.CreateObservableGauge("christmas.steps.overdue", () => Observe(s => s.Overdue), "{step}",
            "Scheduled steps more than a minute past their send time: the scheduler is behind.");
        meter.CreateObservableGauge("christmas.steps.failed", () => Observe(s => s.Failed), "{step}",
            "Steps that failed for good (they wait for an operator's re-send).");
        meter.CreateObservableGauge("christmas.notion.backlog", () => Observe(s => s.NotionBacklog), "{change}",
            "Notion mirror: pages waiting for a sync plus change-feed rows not read yet (absent while Notion is off).");
    }

    private sealed record Snapshot(long Pending, long Overdue, long Failed, long? NotionBacklog);

    /// <summary>Reads the counts again when the last reading is older than the cache; one reader at a time.</summary>
    public async Task RefreshIfStaleAsync(CancellationToken ct)
    {
        if (IsFresh()) return;
        await _refreshing.WaitAsync(ct);
        try
        {
            if (IsFresh()) return;
            _last = await ReadAsync(ct);
            Interlocked.Exchange(ref _readAtTicks, Environment.TickCount64);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A scrape still answers, with the last values: the database's trouble shows in /health.
            _logger.LogWarning(ex, "Reading the step gauges failed; the last values are kept");
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsFresh() => _last is not null
        && Environment.TickCount64 - Interlocked.Read(ref _readAtTicks) < _options.CurrentValue.GaugeCacheSeconds * 1000;

    private async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        var overdueBefore = _time.GetUtcNow().UtcDateTime - OverdueAfter;
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var byStatus = await db.Steps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Scheduled || s.Status == StepStatus.Sending || s.Status == StepStatus.Failed)
            .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var overdue = await db.Steps.AsNoTracking().LongCountAsync(s => s.Status == StepStatus.Scheduled && s.NotBefore < overdueBefore, ct);
        long Of(StepStatus status) => byStatus.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        long? backlog = _notion.IsConfigured ? await _notion.BacklogAsync(ct) : null;
        return new Snapshot(Of(StepStatus.Scheduled) + Of(StepStatus.Sending), overdue, Of(StepStatus.Failed), backlog);
    }

    /// <summary>The last snapshot only: whoever reads the meter calls <see cref="RefreshIfStaleAsync"/> first (the scrape endpoint does).</summary>
    private IEnumerable<Measurement<long>> Observe(Func<Snapshot, long?> pick) =>
        _last is { } snapshot && pick(snapshot) is { } value ? [new Measurement<long>(value)] : [];
}
