using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// Decides what publishing a draft does to one active sequence (DESIGN "Publishing"), in memory and
/// without writing: the impact preview and the publish both run it, so the preview's counts are what
/// the publish does. Only scheduled steps change; sent, sending, failed, cancelled and skipped steps,
/// and an operator's pending re-send, are never touched.
/// </summary>
public static class InFlightPlanner
{
    public const string Overdue = "overdue";

    /// <param name="followed">The definition the sequence follows now (its revision's document, usually the published one).</param>
    /// <param name="draft">The definition about to be published as <paramref name="newRevision"/>.</param>
    public static InFlightPlan Plan(CampaignDocument followed, CampaignDocument draft, string policy, int newRevision,
        ActiveSequence active, PlanningRules rules, DateTime now) =>
        Plan(SequenceEdit.Of(SequenceNames.Of(active.Sequence), followed, draft), policy, newRevision, active, rules, now);

    /// <param name="edit">The sequence's definition before and after, compared once for every sequence of that name and revision.</param>
    public static InFlightPlan Plan(SequenceEdit edit, string policy, int newRevision, ActiveSequence active, PlanningRules rules, DateTime now)
    {
        var sequence = active.Sequence;
        var (name, from, to) = edit;
        var affected = edit.Changed;
        if (!affected || policy != PublishPolicies.InFlight || sequence.Status != SequenceStatus.Active)
            return InFlightPlan.Untouched(sequence.Id, sequence.ContactId, name, affected);

        if (to is null)
        {
            var reason = RemovedReason(newRevision);
            // (A posted step waiting for its retry is in flight: Step.Cancel leaves it, so it is not counted.)
            var cancelled = sequence.Steps.Where(s => s is { Status: StepStatus.Scheduled, CanJoinBatch: true }).OrderBy(s => s.Number)
                .Select(s => new PlannedStep(s.Number, StepChangeKind.Cancelled, s.SendAt, null, null, reason)).ToList();
            return new InFlightPlan(sequence.Id, sequence.ContactId, name, true, reason, cancelled);
        }
        return new InFlightPlan(sequence.Id, sequence.ContactId, name, true, null, PlanSteps(from, to, newRevision, active, rules, now));
    }

    public static string RemovedReason(int revision) => $"removed in revision {revision}";

    private static List<PlannedStep> PlanSteps(SequenceSpec? from, SequenceSpec to, int newRevision, ActiveSequence active, PlanningRules rules, DateTime now)
    {
        var sequence = active.Sequence;
        var before = from?.Steps.ToDictionary(s => s.Number) ?? [];
        var after = to.Steps.ToDictionary(s => s.Number);
        var stored = sequence.Steps.GroupBy(s => s.Number).ToDictionary(g => g.Key, g => g.First());
        // The minimum gap sees the contact's other emails and this sequence's steps that stay where they are.
        var others = new List<DateTime>(active.OtherEmails);
        others.AddRange(sequence.Steps.Where(s => !Changeable(s) && s.Status is StepStatus.Sent or StepStatus.Sending or StepStatus.Scheduled or StepStatus.Held)
            .Select(s => s.SentAt ?? s.SendAt));

        var planned = new List<PlannedStep>();
        foreach (var number in stored.Keys.Union(after.Keys).Order())
        {
            var step = stored.GetValueOrDefault(number);
            var next = after.GetValueOrDefault(number);
            if (step is null)
            {
                if (next is not null && Add(next, sequence, active.ZoneId, others, rules, now) is { } added) planned.Add(added);
                continue;
            }
            if (!Changeable(step)) continue;
            if (next is null)
            {
                planned.Add(new PlannedStep(number, StepChangeKind.Cancelled, step.SendAt, null, null, RemovedReason(newRevision)));
                continue;
            }
            if (step.TemplateKey != next.Template)
                planned.Add(new PlannedStep(number, StepChangeKind.Template, step.SendAt, step.SendAt, null, null, next));
            var due = sequence.AnchorAt + OffsetFor(next, sequence.Mode);
            var moved = before.GetValueOrDefault(number) is { } was ? OffsetFor(was, sequence.Mode) != OffsetFor(next, sequence.Mode) : step.DueAt != due;
            if (!moved)
            {
                others.Add(step.SendAt);
                continue;
            }
            planned.Add(Move(step, due, sequence.Mode, active.ZoneId, others, rules, now));
        }
        return planned;
    }

    /// <summary>A scheduled step the definition owns (an operator's pending re-send is the operator's).</summary>
    // A step already posted (alone, or in a batch) and waiting for its retry is in flight: its payload is fixed.
    private static bool Changeable(Step step) => step is { Status: StepStatus.Scheduled, ManualSend: false, CanJoinBatch: true };

    private static PlannedStep Move(Step step, DateTime due, SequenceMode mode, string? zoneId, List<DateTime> others, PlanningRules rules, DateTime now)
    {
        // The same rule as a sequence created late (StepPlanner): overdue by the grace or more is skipped, less goes at once.
        if (now - due >= rules.OverdueGrace)
            return new PlannedStep(step.Number, StepChangeKind.SkippedOverdue, step.SendAt, null, due, Overdue);
        var (sendAt, reason) = rules.SendRules.Place(due, mode, zoneId, others, now);
        if (sendAt <= now)
        {
            others.Add(now);
            return new PlannedStep(step.Number, StepChangeKind.SendNow, step.SendAt, now, due, reason ?? "overdue after the edit: sent at once");
        }
        others.Add(sendAt);
        return new PlannedStep(step.Number, StepChangeKind.Moved, step.SendAt, sendAt, due, reason);
    }

    /// <summary>A new step only when its due time is still ahead and it can go before the offer ends; the website's own emails are never ours to add.</summary>
    private static PlannedStep? Add(StepSpec next, Sequence sequence, string? zoneId, List<DateTime> others, PlanningRules rules, DateTime now)
    {
        if (next.SentByWebsite) return null;
        var due = sequence.AnchorAt + OffsetFor(next, sequence.Mode);
        if (due <= now) return null;
        var (sendAt, reason) = rules.SendRules.Place(due, sequence.Mode, zoneId, others, now);
        if (rules.SendRules.IsPastOfferEnd(sendAt)) return null;
        others.Add(sendAt);
        return new PlannedStep(next.Number, StepChangeKind.Added, null, sendAt, due, reason, next);
    }

    private static TimeSpan OffsetFor(StepSpec step, SequenceMode mode) => mode == SequenceMode.Testing ? step.TestingOffset : step.Offset;
}
