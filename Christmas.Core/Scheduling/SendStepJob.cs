using System.Text.Json;
using Christmas.Core.Common;
using Christmas.Core.Delivery;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Telemetry;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Scheduling;

/// <summary>
/// Sends one step. Safe to run any number of times: it claims the step in the database first
/// (a cancelled, sent or already claimed step makes it a no-op) and sends with the step's
/// idempotency key. Retries are the step's own (attempts, next attempt time), so Hangfire's are off.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[ExpireFinishedJobs(Hours = 1)]
public sealed class SendStepJob(
    IDbContextFactory<CampaignDbContext> contexts,
    IEmailSender sender,
    Delivery.Events.DeliverySignal deliverySignal,
    SendPreparation preparation,
    CampaignMetrics metrics,
    Instances.ThisInstance self,
    SendAttempts attempts,
    TimeProvider time,
    ILogger<SendStepJob> logger)
{
    public async Task RunAsync(long stepId, CancellationToken cancellationToken)
    {
        using var activity = CampaignTelemetry.Source.StartActivity("send step");
        activity?.SetTag("christmas.step.id", stepId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var step = await db.Steps.WithSendContext()
            .FirstOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        var now = Now();
        if (step is null || step.Status != StepStatus.Scheduled || step.NotBefore > now) return;

        step.BeginSending(now, self.Id);
        if (!await TrySaveAsync(db, stepId, cancellationToken)) return;

        var sequence = step.Sequence!;
        if (await preparation.PrepareAsync(db, step, now, cancellationToken) is { } email && await KeepAsync(db, step, email, cancellationToken))
            await attempts.SendAloneAsync(sender, step, email, cancellationToken);

        sequence.CompleteIfDone(Now());
        // An event that arrived before this send was recorded is applied once the provider id is committed.
        if (!await TrySaveAsync(db, stepId, cancellationToken)) return;
        metrics.SendFinished(step);
        activity?.SetTag("christmas.step.status", step.Status.ToApiName());
        if (step.Status == StepStatus.Sent) deliverySignal.Wake();
    }

    /// <summary>A new rendering is kept before it is sent: every retry sends these very bytes under the step's key.</summary>
    private async Task<bool> KeepAsync(CampaignDbContext db, Step step, OutgoingEmail email, CancellationToken ct)
    {
        if (step.MessageJson is not null) return true;
        step.KeepMessage(JsonSerializer.Serialize(email));
        return await TrySaveAsync(db, step.Id, ct);
    }

    private async Task<bool> TrySaveAsync(CampaignDbContext db, long stepId, CancellationToken ct)
    {
        if (await db.TrySaveClaimAsync(ct)) return true;
        logger.LogInformation("Step {StepId} changed under this job; leaving it to the other claim", stepId);
        return false;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
