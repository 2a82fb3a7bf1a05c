using System.Text.Json;
using Christmas.Core.Common;
using Christmas.Core.Delivery;
using Christmas.Core.Persistence;
using Christmas.Core.Privacy;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Suppressions;

namespace Christmas.Core.Contacts;

/// <summary>
/// "What happens next" for one contact: its pending steps in the order they go, each asked the send
/// job's own questions (<see cref="Campaign.Engine.CampaignEngine.WouldStop"/>, the same suppression lookup) and rendered by the send
/// job's own composer. Reads only: nothing is kept on a step, nothing is sent.
/// </summary>
public sealed class NextSends(Campaign.Engine.CampaignEngine engine, StepEmailComposer composer, ErasedAddresses erased, TimeProvider time)
{
    public const string HeldReason = "held after a restore: it goes only when an Admin releases it (Held steps)";

    /// <param name="sequences">The contact's sequences with their steps.</param>
    /// <param name="templates">Which template each step uses; read here when not given.</param>
    public async Task<IReadOnlyList<NextSend>> ForAsync(CampaignDbContext db, Contact contact, IReadOnlyList<Sequence> sequences, CancellationToken ct,
        StepTemplates? templates = null)
    {
        var pending = sequences.SelectMany(q => q.Steps.Where(s => s.IsPending).Select(s => (Sequence: q, Step: s)))
            .OrderBy(p => p.Step.NotBefore).ThenBy(p => p.Step.Id).ToList();
        if (pending.Count == 0) return [];
        var now = time.GetUtcNow().UtcDateTime;
        var listed = contact.IsSuppressed ? null
            : await SuppressionList.StopReasonAsync(db, contact.Email, await erased.KeyAsync(contact.Email, ct), ct);
        templates ??= await StepTemplates.ForAsync(db, contact.Segment, ct);
        var next = new List<NextSend>(pending.Count);
        foreach (var (sequence, step) in pending)
        {
            // An overdue step goes as soon as the dispatcher takes it: the rules are asked about that moment.
            var goesAt = step.NotBefore > now ? step.NotBefore : now;
            var stop = engine.WouldStop(contact, listed, sequence, step, goesAt);
            var (subject, error) = await SubjectAsync(step, contact, sequence, goesAt, ct);
            var held = step.Status == StepStatus.Held ? HeldReason : null;
            next.Add(new NextSend(step.Id, sequence.Kind, step.Number, step.NotBefore, templates.KeyOf(step), subject, held ?? stop?.Reason ?? error));
        }
        return next;
    }

    /// <summary>A retry sends the message kept from its first attempt; anything else is rendered now.</summary>
    private async Task<(string? Subject, string? Error)> SubjectAsync(Step step, Contact contact, Sequence sequence, DateTime at, CancellationToken ct)
    {
        if (step.MessageJson is { } kept) return (JsonSerializer.Deserialize<OutgoingEmail>(kept)?.Content.Subject, null);
        var composed = await composer.ComposeAsync(step, contact, sequence, ct, at);
        return composed.Email is { } email ? (email.Content.Subject, null) : (null, composed.Error);
    }
}
