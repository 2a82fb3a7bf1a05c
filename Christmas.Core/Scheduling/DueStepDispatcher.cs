using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Batches;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Scheduling;

/// <summary>
/// Hands due steps to Hangfire as short <see cref="SendStepJob"/>s, or <see cref="SendBatchJob"/>s of several. Steps live only in the app's
/// database: Hangfire holds a job per step only from its due time until it is sent, so the
/// Hangfire store stays small (its SQLite storage degrades with many delayed jobs) and can be
/// rebuilt from the steps table at any time.
/// </summary>
public sealed class DueStepDispatcher(
    IDbContextFactory<CampaignDbContext> contexts,
    IBackgroundJobClient jobs,
    StepRecovery recovery,
    DeadInstanceRelease deadInstances,
    Instances.ThisInstance self,
    DispatchSignal signal,
    SenderReadiness readiness,
    BatchSending batching,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<DueStepDispatcher> logger) : BackgroundService
{
    // This instance's memory of having held steps; true at start, so a restart with a completed sender clears old notes once.
    private bool _mayHaveHeld = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Inside the loop: a busy database at start-up is retried, not fatal to the host.
                if (!recovered) await recovery.RecoverAfterRestartAsync(stoppingToken);
                recovered = true;
                await recovery.RecoverStaleClaimsAsync(stoppingToken);
                await deadInstances.ReleaseIfDueAsync(stoppingToken);
                if (await DispatchDueAsync(stoppingToken) > 0) continue;
                await signal.WaitAsync(await NextWakeAsync(stoppingToken), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Dispatching due steps failed; trying again shortly");
                // A pause in real time: a retry must not wait for a (fake) clock to move.
                await Task.Delay(options.Value.MaxIdle, stoppingToken);
            }
        }
    }

    /// <returns>How many steps were handed over.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var redispatchBefore = now - o.RedispatchAfter;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await HoldOrReleaseAsync(db, now, ct)) return 0;

        // Two counts, each a range of the (Status, NotBefore, DispatchedAt) index alone: a handed-over step is always due.
        var inFlight = await HandedOverRecently(db.Steps, now, redispatchBefore).CountAsync(ct)
            + await db.Steps.CountAsync(s => s.Status == StepStatus.Sending, ct);
        var room = o.MaxInFlight - inFlight;
        if (room <= 0) return 0;

        var due = await db.Steps
            .Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now
                && (s.DispatchedAt == null || s.DispatchedAt <= redispatchBefore))
            .OrderBy(s => s.NotBefore)
            .Select(s => new DueStep(s.Id, s.BatchId, s.MessageJson == null))
            .Take(room)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(d => d.Id).ToList();

        // Marked before the jobs exist, so a job's recorded attempt always overwrites the mark (enqueued
        // first, a fast job saved its failure over a later mark and its retry waited for RedispatchAfter).
        // Only where still as read: another dispatcher's job may have tried it since. A crash before the
        // enqueue is healed by RedispatchAfter; a step handed over twice is sent once (the job's claim).
        // The mark is whole microseconds (PostgreSQL's precision), so it can be read back as written. The
        // owner is this instance: should it die, another releases the hand-over without waiting for RedispatchAfter.
        var mark = now.AddTicks(-(now.Ticks % 10));
        var marked = await db.Steps.Where(s => ids.Contains(s.Id) && s.Status == StepStatus.Scheduled && s.NotBefore <= now
                && (s.DispatchedAt == null || s.DispatchedAt <= redispatchBefore))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DispatchedAt, mark).SetProperty(s => s.Owner, self.Id), ct);
        // Fewer marked than read: another instance's dispatcher took some between our read and our mark.
        // Hand over only ours; both jobs would run, and the loser's claim would fail, for every shared step.
        if (marked < due.Count)
        {
            var ours = (await db.Steps.Where(s => ids.Contains(s.Id) && s.DispatchedAt == mark).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
            due = due.Where(d => ours.Contains(d.Id)).ToList();
        }
        HandOver(due);
        logger.LogDebug("Handed {Count} due steps to the send queue", due.Count);
        return due.Count;
    }

    /// <summary>
    /// A posted batch goes again as itself; a step posted alone goes again alone (under its key); the fresh
    /// ones go in batches of up to the provider's size when batching is on, and a lone one alone.
    /// </summary>
    private void HandOver(List<DueStep> due)
    {
        foreach (var batchId in due.Where(d => d.BatchId is not null).Select(d => d.BatchId!.Value).Distinct())
            jobs.Enqueue<SendBatchJob>(job => job.RetryAsync(batchId, CancellationToken.None));
        var alone = due.Where(d => d.BatchId is null && !d.Fresh).Select(d => d.Id).ToList();
        var fresh = due.Where(d => d.BatchId is null && d.Fresh).Select(d => d.Id).ToArray();
        var size = batching.MaxSize;
        foreach (var chunk in size > 1 ? fresh.Chunk(size) : [])
        {
            if (chunk.Length == 1) alone.Add(chunk[0]);
            else jobs.Enqueue<SendBatchJob>(job => job.RunAsync(chunk, CancellationToken.None));
        }
        if (size <= 1) alone.AddRange(fresh);
        foreach (var id in alone) jobs.Enqueue<SendStepJob>(job => job.RunAsync(id, CancellationToken.None));
    }

    /// <param name="Fresh">Never posted: it may join a new batch.</param>
    private sealed record DueStep(long Id, long? BatchId, bool Fresh);

    /// <summary>
    /// While the sender is incomplete no step is handed to a job: the due ones stay scheduled (no attempt
    /// counted) with the reason in <c>LastError</c>, written in one statement and only where it differs.
    /// </summary>
    /// <returns>True while sends are held.</returns>
    private async Task<bool> HoldOrReleaseAsync(CampaignDbContext db, DateTime now, CancellationToken ct)
    {
        if (readiness.HeldReason() is { } held)
        {
            var noted = await db.Steps
                .Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now && (s.LastError == null || s.LastError != held))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, held), ct);
            if (noted > 0) logger.LogWarning("{Count} due steps held: {Reason}", noted, held);
            _mayHaveHeld = true;
            return true;
        }
        if (!_mayHaveHeld) return false;
        // Released: the note no longer says why the step waits. Notes are written on due steps only, so the
        // range of due steps (index) finds them; reading every scheduled row took tens of seconds at a million contacts, at
        // each start, before the first hand-over. A held step moved into the future since keeps its note until it
        // is sent (MarkSent clears it).
        await HeldNotes(db.Steps, now).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, (string?)null), ct);
        _mayHaveHeld = false;
        return false;
    }

    /// <summary>Due steps with a held-send note.</summary>
    internal static IQueryable<Step> HandedOverRecently(IQueryable<Step> steps, DateTime now, DateTime redispatchBefore) =>
        steps.Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now && s.DispatchedAt > redispatchBefore);

    internal static IQueryable<Step> HeldNotes(IQueryable<Step> steps, DateTime now) =>
        steps.Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now && s.LastError != null
            && s.LastError.StartsWith(SenderReadiness.HeldPrefix));

    /// <summary>The next step's time, but no later than <see cref="SchedulerOptions.MaxIdle"/> from now.</summary>
    private async Task<DateTimeOffset> NextWakeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Held: the due steps stay due, so poll at the idle pace for the configuration to be completed.
        if (readiness.HeldReason() is not null) return now + options.Value.MaxIdle;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var next = await db.Steps
            .Where(s => s.Status == StepStatus.Scheduled && s.DispatchedAt == null)
            .OrderBy(s => s.NotBefore)
            .Select(s => (DateTime?)s.NotBefore)
            .FirstOrDefaultAsync(ct);
        var latest = now + options.Value.MaxIdle;
        return next is { } at && at < latest ? new DateTimeOffset(at, TimeSpan.Zero) : latest;
    }
}
