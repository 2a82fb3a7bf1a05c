using Christmas.Core.Instances;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Scheduling;

/// <summary>
/// On a shared database, takes back the work of an instance that stopped beating (killed, frozen, cut
/// off): its claimed sends return to the queue keeping their idempotency key, its hand-overs are handed
/// over again. That is seconds after a death instead of the stale lease's minutes, and a live instance's
/// claims, however long its send, are never touched (the lease stays as the backstop).
/// </summary>
public sealed class DeadInstanceRelease(
    IDbContextFactory<CampaignDbContext> contexts,
    SqlDialect dialect,
    ThisInstance self,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<DeadInstanceRelease> logger)
{
    private DateTime _lastCheck = DateTime.MinValue;

    /// <summary>At most once per heartbeat interval: a death is noticed no sooner anyway.</summary>
    public async Task ReleaseIfDueAsync(CancellationToken ct)
    {
        if (!dialect.Shared) return;
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _lastCheck < options.Value.HeartbeatInterval && now >= _lastCheck) return;
        _lastCheck = now;
        await ReleaseAsync(ct);
    }

    /// <returns>How many claims and hand-overs were released.</returns>
    public async Task<int> ReleaseAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var silentSince = now - options.Value.InstanceTimeout;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var alive = db.Instances.Where(i => i.HeartbeatAt >= silentSince).Select(i => i.Id);
        // Never this one: its own beat may lag a fake clock's jump, and whoever runs this is alive.
        var dead = await db.Instances.Where(i => i.HeartbeatAt < silentSince && i.Id != self.Id).Select(i => i.Id).ToListAsync(ct);
        // A claim or hand-over younger than the timeout may be an instance's first, before its first beat
        // is visible; one without an owner predates owners (or comes from an older version): the lease's.
        var claimed = await StepRecovery.RecoverAsync(db, db.Steps.Where(s => s.Status == StepStatus.Sending
            && s.ClaimedAt < silentSince && s.Owner != null && s.Owner != self.Id && !alive.Contains(s.Owner)), ct);
        // Hand-overs of a dead owner; and, when a death is first seen, every one still unclaimed whoever
        // handed it over, however recently (the death may be up to a beat before its last one looks stale):
        // the dead instance's workers may have taken its job from the shared queue, and Hangfire shows such
        // a job to no one else for minutes (seen in the kill test: sends late by 2 minutes). A second job
        // for a step is a no-op. A handed-over step is due: the (Status, NotBefore) index's range. Re-checked
        // per row by the UPDATE, so a step claimed meanwhile (no longer scheduled) keeps its claim.
        var deathSeen = dead.Count > 0;
        var handedOver = await db.Steps.Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now && s.DispatchedAt != null
                && (deathSeen || s.DispatchedAt < silentSince && s.Owner != null && s.Owner != self.Id && !alive.Contains(s.Owner)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DispatchedAt, (DateTime?)null), ct);
        if (claimed + handedOver > 0)
            logger.LogWarning("Released {Claimed} sends and {HandedOver} queued steps after instances were silent for over {Timeout}",
                claimed, handedOver, options.Value.InstanceTimeout);
        // Seen once: a missing row counts as dead for the claims above, and one that was only frozen writes
        // its row again at its next beat (the UPDATE re-checks the silence, so a beat just written stays).
        if (deathSeen) await db.Instances.Where(i => dead.Contains(i.Id) && i.HeartbeatAt < silentSince).ExecuteDeleteAsync(ct);
        return claimed + handedOver;
    }
}
