using System.Text.Json;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Batches;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Telemetry;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Scheduling;

/// <summary>
/// Sends several due steps in one provider request. Forming a batch claims the steps, applies the send-time
/// stops, renders each email and stores the batch (members and exact body) in one transaction before the
/// first attempt; from then on the batch is only ever sent as stored, under its own key, so a retry, a
/// recovered claim or a second job for it is answered by the provider with the same ids and sends nothing
/// twice. Safe to run any number of times; retries are the steps' own, so Hangfire's are off.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[ExpireFinishedJobs(Hours = 1)]
public sealed class SendBatchJob(
    IDbContextFactory<CampaignDbContext> contexts,
    IBatchEmailSender batches,
    IEmailSender sender,
    Delivery.Events.DeliverySignal deliverySignal,
    SendPreparation preparation,
    CampaignMetrics metrics,
    Instances.ThisInstance self,
    SendAttempts attempts,
    TimeProvider time,
    ILogger<SendBatchJob> logger)
{
    /// <summary>Forms a batch from these due steps (none of them posted before) and sends it.</summary>
    public async Task RunAsync(long[] stepIds, CancellationToken cancellationToken)
    {
        using var activity = CampaignTelemetry.Source.StartActivity("send batch");
        activity?.SetTag("christmas.batch.steps", stepIds.Length);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var claimed = await ClaimAsync(db, s => stepIds.Contains(s.Id) && s.BatchId == null && s.MessageJson == null, now, cancellationToken);
        if (claimed.Count == 0) return;

        var going = new List<(Step Step, OutgoingEmail Email)>();
        foreach (var step in claimed)
            if (await preparation.PrepareAsync(db, step, now, cancellationToken) is { } email) going.Add((step, email));

        if (going.Count == 1)
        {
            // One left after the stops: it goes alone, under its own key, as any single due email.
            var (step, email) = going[0];
            step.KeepMessage(JsonSerializer.Serialize(email));
            if (!await TrySaveAsync(db, cancellationToken)) return;
            await attempts.SendAloneAsync(sender, step, email, cancellationToken);
        }
        else if (going.Count > 1)
        {
            var batch = await FormAsync(db, going, now, cancellationToken);
            if (batch is null) return;
            await PostAsync(batch, going.Select(g => g.Step).ToList(), cancellationToken);
        }
        await FinishAsync(db, claimed, cancellationToken);
    }

    /// <summary>A batch again (its attempt failed, or its claim was lost with a worker or an instance): its due members, sent as stored.</summary>
    public async Task RetryAsync(long batchId, CancellationToken cancellationToken)
    {
        using var activity = CampaignTelemetry.Source.StartActivity("send batch again");
        activity?.SetTag("christmas.batch.id", batchId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.SendBatches.FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null || batch.Body.Length == 0) return;
        var claimed = await ClaimAsync(db, s => s.BatchId == batchId, Now(), cancellationToken);
        if (claimed.Count == 0) return;
        await PostAsync(batch, claimed, cancellationToken);
        await FinishAsync(db, claimed, cancellationToken);
    }

    /// <summary>
    /// Claims the due, scheduled steps of the filter for one attempt. A step another worker claimed meanwhile
    /// is left to that claim (its row changed: the concurrency token) and the rest are claimed without it.
    /// </summary>
    private async Task<List<Step>> ClaimAsync(CampaignDbContext db, System.Linq.Expressions.Expression<Func<Step, bool>> filter, DateTime now, CancellationToken ct)
    {
        var steps = await db.Steps.Where(filter).Where(s => s.Status == StepStatus.Scheduled && s.NotBefore <= now)
            .WithSendContext()
            .ToListAsync(ct);
        foreach (var step in steps) step.BeginSending(now, self.Id);
        for (var round = 0; round <= steps.Count; round++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return steps;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                foreach (var entry in ex.Entries)
                {
                    steps.Remove((Step)entry.Entity);
                    entry.State = EntityState.Detached;
                }
                logger.LogInformation("{Count} steps changed under a batch's claim; leaving them to the other claim", ex.Entries.Count);
            }
        }
        return [];
    }

    /// <summary>The batch and its members' messages stored together, before anything is posted.</summary>
    private async Task<SendBatch?> FormAsync(CampaignDbContext db, List<(Step Step, OutgoingEmail Email)> going, DateTime now, CancellationToken ct)
    {
        var batch = new SendBatch(now, batches.Body(going.Select(g => g.Email).ToList()), going.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SendBatches.Add(batch);
        if (!await TrySaveAsync(db, ct)) return null;
        for (var i = 0; i < going.Count; i++) going[i].Step.JoinBatch(batch.Id, i, JsonSerializer.Serialize(going[i].Email));
        if (!await TrySaveAsync(db, ct)) return null;
        await transaction.CommitAsync(ct);
        return batch;
    }

    private async Task PostAsync(SendBatch batch, List<Step> members, CancellationToken ct)
    {
        try
        {
            var outcomes = await batches.SendAsync(batch.IdempotencyKey, batch.Body, batch.Size, ct);
            var now = Now();
            foreach (var step in members)
            {
                var outcome = outcomes[step.BatchIndex!.Value];
                if (outcome.MessageId is { } id) step.MarkSent(now, id);
                else step.MarkAttemptFailed(outcome.Error!, retryAt: null);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Batch {BatchId} of {Size} emails not sent: {Error}", batch.Id, batch.Size, ex.Message);
            foreach (var step in members) attempts.Failed(step, ex);
        }
    }

    /// <summary>Records the outcomes; a batch with no member left to send forgets its body (addresses and contents).</summary>
    private async Task FinishAsync(CampaignDbContext db, List<Step> claimed, CancellationToken ct)
    {
        var now = Now();
        foreach (var sequence in claimed.Select(s => s.Sequence!).Distinct()) sequence.CompleteIfDone(now);
        if (!await TrySaveAsync(db, ct)) return;
        foreach (var step in claimed) metrics.SendFinished(step);
        if (claimed.Any(s => s.Status == StepStatus.Sent)) deliverySignal.Wake();

        var ids = claimed.Where(s => s.BatchId is not null).Select(s => s.BatchId!.Value).Distinct().ToList();
        foreach (var id in ids)
        {
            if (await db.Steps.AnyAsync(s => s.BatchId == id && (s.Status == StepStatus.Scheduled || s.Status == StepStatus.Sending), ct)) continue;
            await db.SendBatches.Where(b => b.Id == id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Body, ""), ct);
        }
    }

    private async Task<bool> TrySaveAsync(CampaignDbContext db, CancellationToken ct)
    {
        if (await db.TrySaveClaimAsync(ct)) return true;
        logger.LogInformation("A batch's steps changed under this job; leaving them to the other claim");
        return false;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
