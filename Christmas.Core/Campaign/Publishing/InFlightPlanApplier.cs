using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>Carries a <see cref="InFlightPlan"/> out on the tracked sequence it was made for, through the entities' own transitions.</summary>
public static class InFlightPlanApplier
{
    public static void Apply(InFlightPlan plan, Sequence sequence, int newRevision, DateTime now)
    {
        if (plan.SequenceId != sequence.Id) throw new ArgumentException($"The plan is for sequence {plan.SequenceId}, not {sequence.Id}.", nameof(plan));
        if (plan.EndReason is { } reason)
        {
            sequence.End(reason, now);
            sequence.Follow(newRevision);
            return;
        }
        foreach (var change in plan.Steps)
        {
            var step = sequence.Steps.FirstOrDefault(s => s.Number == change.Number);
            switch (change.Kind)
            {
                case StepChangeKind.Added:
                    var spec = change.Spec!;
                    var definition = new StepDefinition(spec.Number, spec.Template, spec.Offset, spec.TestingOffset, spec.SentByWebsite);
                    sequence.AddStep(Step.Scheduled(definition, change.DueAt!.Value, change.To!.Value, change.Reason));
                    break;
                case StepChangeKind.Cancelled:
                    step!.Cancel(change.Reason!);
                    break;
                case StepChangeKind.Template:
                    step!.ChangeTemplate(change.Spec!.Template);
                    break;
                case StepChangeKind.SkippedOverdue:
                    step!.SkipOverdue(change.DueAt!.Value, change.Reason!);
                    break;
                default:
                    step!.Reschedule(change.DueAt!.Value, change.To!.Value, change.Reason);
                    break;
            }
        }
        sequence.Follow(newRevision);
        // Cancelling or skipping its last pending step ends the sequence, as a send would.
        sequence.CompleteIfDone(now);
    }
}
