using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Scheduling;

/// <summary>
/// Puts steps whose job or worker was lost back in the queue. Their idempotency key does not
/// change, so a send that did reach the provider before the crash is not sent twice.
/// </summary>
public sealed class StepRecovery(
    IDbContextFactory<CampaignDbContext> contexts,
    SqlDialect dialect,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<StepRecovery> logger)
{
    private DateTime _lastStaleCheck = DateTime.MinValue;

    /// <summary>
    /// At start-up on a database of its own (SQLite), no job of this process exists yet: every claim
    /// is orphaned and every hand-over may have been lost with the Hangfire store, so both are rebuilt
    /// from the steps table. On a shared database (PostgreSQL) the other instances' claims and jobs
    /// are alive, so only expired leases are released; lost hand-overs are redispatched after
    /// <see cref="SchedulerOptions.RedispatchAfter"/> as at any time.
    /// </summary>
    public async Task RecoverAfterRestartAsync(CancellationToken ct)
    {
        if (dialect.Shared)
        {
            _lastStaleCheck = DateTime.MinValue;
            await RecoverStaleClaimsAsync(ct);
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A handed-over step is due (the dispatcher marks only due steps, and every move of NotBefore clears
        // the mark): a range of the (Status, NotBefore) index. Without NotBefore the statement read every
        // scheduled step's row, tens of seconds at a million contacts, while the due steps waited for the first round.
        var now = time.GetUtcNow().UtcDateTime;
        var handedOver = await HandedOver(db.Steps, now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DispatchedAt, (DateTime?)null), ct);
        var claimed = await RecoverAsync(db, db.Steps.Where(s => s.Status == StepStatus.Sending), ct);
        if (handedOver + claimed > 0)
            logger.LogWarning("Recovered {Claimed} interrupted sends and {HandedOver} queued steps after a restart", claimed, handedOver);
    }

    /// <summary>Claims older than the lease (a worker that died without the process dying) are released.</summary>
    public async Task RecoverStaleClaimsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _lastStaleCheck < TimeSpan.FromSeconds(10)) return;
        _lastStaleCheck = now;
        var expired = now - options.Value.SendingLease;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var count = await RecoverAsync(db, db.Steps.Where(s => s.Status == StepStatus.Sending && s.ClaimedAt < expired), ct);
        if (count > 0) logger.LogWarning("Released {Count} sends whose claim expired", count);
    }

    internal static async Task<int> RecoverAsync(CampaignDbContext db, IQueryable<Step> query, CancellationToken ct)
    {
        var steps = await query.ToListAsync(ct);
        foreach (var step in steps) step.RecoverStaleClaim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A late worker finished one of them meanwhile (or another instance released them first):
            // its outcome stands, and the rest are released on the next look.
            return 0;
        }
        return steps.Count;
    }

    /// <summary>Steps handed to a job and not claimed yet (always due: see <see cref="RecoverAfterRestartAsync"/>).</summary>
    internal static IQueryable<Step> HandedOver(IQueryable<Step> steps, DateTime now) =>
        steps.Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now && s.DispatchedAt != null);
}
