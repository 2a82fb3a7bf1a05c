using System.Globalization;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Suppressions;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Campaign.Engine;

/// <summary>
/// The campaign's rules, once, as pure code over a contact's state in memory: what a webhook call does
/// to the contact and which sequence it starts, which sequences that ends, and whether a due step goes.
/// The ingest (prepared SQL and group commit), the send job, the simulator and "what happens next" are
/// shells that load the state, ask the engine and store or show its answer.
/// </summary>
public sealed class CampaignEngine(SendRuleSet rules, SegmentRule segments, TimeSpan overdueGrace)
{
    public SendRuleSet Rules { get; } = rules;
    public TimeSpan OverdueGrace { get; } = overdueGrace;

    /// <summary>
    /// The call's data on the contact: the latest call wins, a field the call lacks keeps its value, a new
    /// assessment replaces the old one whole; a contact created while its address is on the list starts suppressed.
    /// </summary>
    public void ApplyCall(Contact contact, WebhookInput input, bool created, Listing? listed, DateTime now)
    {
        Segment? segment = input.HasAssessment ? segments.Classify(input.Counts["red_systems"], input.Counts["orange_systems"]) : null;
        contact.ApplyWebhook(input, segment, now);
        if (created && listed is { } entry) contact.Suppress(SuppressionList.StatusFor(entry.Reason), now);
    }

    /// <summary>Whether <see cref="Start"/> needs the contact's other emails' times (the minimum gap, for a contact with history).</summary>
    public bool NeedsOtherEmails(WebhookInput input, bool created, SequenceMode mode) =>
        Rules.MinimumGap is not null && !created && mode == SequenceMode.Production && input.Handler.Starts is not null;

    /// <summary>What the call starts: nothing (with why), or a planned sequence to store unless its dedupe key exists.</summary>
    /// <param name="others">The contact's other emails' send times, when <see cref="NeedsOtherEmails"/>; else empty.</param>
    public CallStart Start(LiveCampaign campaign, WebhookInput input, SequenceMode mode, Listing? listed, string? zone,
        IReadOnlyList<DateTime> others, DateTime now)
    {
        if (input.Handler.Starts is not { } name) return CallStart.Nothing(null, "Signup recorded; this handler sends no email.");
        if (input.SequenceBlocked) return CallStart.Nothing(null, null);
        if (campaign.Sequence(name) is not { } definition)
            return CallStart.Nothing($"The handler starts '{name}', which revision {campaign.Revision} does not define: no sequence started.", null);
        var steps = StepPlanner.Plan(definition, mode, input.AnchorAt, now, OverdueGrace, input.WebsiteStatus, new Placement(Rules, zone, others));
        var key = definition.DedupeKey(input.Texts);
        if (listed is { } entry)
        {
            // Still recorded and answered 200 (the website cannot act on a refusal), and the sequence is kept,
            // every email skipped: the contact's timeline says why nothing went.
            var reason = $"suppressed ({entry.Reason.ToApiName()})";
            var skipped = steps.Select(s => s.Status == StepStatus.Scheduled ? Step.Skipped(definition.Step(s.Number)!, s.DueAt, s.SendAt, reason) : s).ToList();
            var since = entry.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new CallStart(new SequencePlan(definition, key, skipped),
                $"{input.Email} is on the suppression list ({entry.Reason.ToApiName()} since {since}): no email will be sent; the sequence ends skipped.", null);
        }
        var plan = new SequencePlan(definition, key, steps);
        return new CallStart(plan, null, null, NothingToSend.Warning(steps, input.AnchorAt, now, OverdueGrace, Rules.OfferEndsAt));
    }

    /// <summary>
    /// Whether a call whose dedupe key is taken starts anew instead: the sequence holding the key sent nothing
    /// (skipped: stale dates, a suppressed address) and this plan has an email to send (the website fixed its
    /// dates, the address was taken off the list). Else the call updates the existing sequence's data.
    /// </summary>
    public static bool Replaces(SequencePlan plan, SequenceStatus existing) =>
        existing == SequenceStatus.Skipped && plan.Steps.Any(s => s.Status == StepStatus.Scheduled);

    /// <summary>A new sequence for a planned start, following revision <paramref name="revision"/> of the definition.</summary>
    public static Sequence NewSequence(long contactId, SequencePlan plan, WebhookInput input, SequenceMode mode, DateTime now, string executionId, int revision) =>
        new(contactId, plan.Definition.Name, mode, plan.DedupeKey, input.AnchorAt, now, input.PayloadJson, executionId, plan.Steps, revision);

    /// <summary>
    /// The exit rules of a started sequence: the contact's active sequences it ends, ended here with the
    /// rule's reason (their pending steps cancelled).
    /// </summary>
    /// <param name="sequences">The contact's sequences (any; only active ones the rules name are ended).</param>
    public static IReadOnlyList<EndedSequence> EndSuperseded(SequenceDefinition started, IEnumerable<Sequence> sequences, DateTime now)
    {
        if (started.Ends.Count == 0) return [];
        var ended = new List<EndedSequence>();
        var all = sequences.ToList();
        foreach (var rule in started.Ends)
            foreach (var other in all.Where(s => s.Kind == rule.Sequence && s.Status == SequenceStatus.Active))
            {
                var pending = other.Steps.Where(s => s.IsPending).Select(s => s.Number).ToList();
                if (other.End(rule.Reason, now)) ended.Add(new EndedSequence(other, rule.Reason, pending));
            }
        return ended;
    }

    /// <summary>
    /// A due step about to go: the send rules are asked (<see cref="SendGate"/>) and a stop is applied to
    /// the step (skipped for a campaign rule, cancelled otherwise). Null: it goes.
    /// </summary>
    /// <param name="listed">The suppression list's reason for the address, null when not listed.</param>
    public SendStop? BeforeSend(Contact contact, string? listed, Sequence sequence, Step step, DateTime now)
    {
        if (SendGate.Check(Rules, contact, listed, sequence, step, now) is not { } stop) return null;
        if (stop.Skip) step.SkipAtSend(stop.Reason);
        else step.Abandon(stop.Reason);
        return stop;
    }

    /// <summary>What a pending step would meet at <paramref name="at"/>, changing nothing ("what happens next").</summary>
    public SendStop? WouldStop(Contact contact, string? listed, Sequence sequence, Step step, DateTime at) =>
        SendGate.Check(Rules, contact, listed, sequence, step, at);

    /// <summary>The execution log's account of a started sequence, one line per step.</summary>
    public static IEnumerable<string> PlanLog(SequenceDefinition definition, SequenceMode mode, IEnumerable<Step> steps)
    {
        yield return $"Started the {definition.Name} sequence in {mode.ToApiName()} mode.";
        foreach (var step in steps)
        {
            var due = step.DueAt.ToString("O", CultureInfo.InvariantCulture);
            yield return step.Status switch
            {
                StepStatus.Sent => $"Email #{step.Number} ({step.TemplateKey}) recorded as sent by the website at {due}.",
                StepStatus.Skipped => $"Email #{step.Number} ({step.TemplateKey}) skipped: {step.LastError}.",
                _ when step.SendAtReason is { } why =>
                    $"Email #{step.Number} ({step.TemplateKey}) due {due}, goes at {step.SendAt.ToString("O", CultureInfo.InvariantCulture)}: {why}.",
                _ => $"Email #{step.Number} ({step.TemplateKey}) scheduled for {due}.",
            };
        }
    }

    /// <summary>A repeat call about the same sequence.</summary>
    public static string Deduplicated(string sequence, long? id) =>
        $"A {sequence} sequence{(id is { } n ? $" ({n})" : "")} already exists for this contact: no new sequence; later emails use the updated data.";
}
