using System.Text.Json;
using Christmas.Core.Delivery;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Scheduling;

/// <summary>
/// A claimed step's email, if it goes now: the campaign engine's send-time stops (suppressed, ended, offer
/// over), then the message kept from an earlier attempt or a new rendering. Shared by the step and batch jobs.
/// </summary>
public sealed class SendPreparation(
    Campaign.Engine.CampaignEngine engine,
    StepEmailComposer composer,
    Privacy.ErasedAddresses erased,
    ILogger<SendPreparation> logger)
{
    /// <returns>The email, or null when the step does not go (its outcome is then on the step).</returns>
    public async Task<OutgoingEmail?> PrepareAsync(CampaignDbContext db, Step step, DateTime now, CancellationToken ct)
    {
        var sequence = step.Sequence!;
        var contact = sequence.Contact!;
        // The list is read only for a contact that may be mailed (a suppressed one stops at the first check).
        var listed = contact.IsSuppressed ? null
            : await SuppressionList.StopReasonAsync(db, contact.Email, await erased.KeyAsync(contact.Email, ct), ct);
        if (engine.BeforeSend(contact, listed, sequence, step, now) is not null) return null;
        if (step.MessageJson is { } kept) return JsonSerializer.Deserialize<OutgoingEmail>(kept);
        var composed = await composer.ComposeAsync(step, contact, sequence, ct);
        if (composed.Email is { } email) return email;
        // A template that cannot render now will not render on a retry either: fail the step with the
        // reason (staff fix the template and re-send) instead of retrying it forever.
        step.MarkAttemptFailed(composed.Error!, retryAt: null);
        if (composed.Failure is { } ex) logger.LogError(ex, "Step {StepId} not sent: {Error}", step.Id, composed.Error);
        return null;
    }
}
