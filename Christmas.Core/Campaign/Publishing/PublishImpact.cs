namespace Christmas.Core.Campaign.Publishing;

/// <summary>What publishing the draft does (DESIGN <c>POST /api/campaign/draft/impact</c>); nothing is written to compute it.</summary>
/// <param name="Policy">The policy it was computed for (<c>in-flight</c> or <c>new-only</c>).</param>
/// <param name="HandlerCallsLast7Days">Calls in the last 7 days of each handler the draft removes (they answer 404 once published).</param>
/// <param name="Samples">A bounded sample (<see cref="ImpactTally.SampleSize"/>) of the step changes, in contact order.</param>
public sealed record PublishImpact(
    string Policy,
    IReadOnlyList<DefinitionChange> Changes,
    InFlightCounts InFlight,
    StepCounts Steps,
    IReadOnlyDictionary<string, int> HandlerCallsLast7Days,
    IReadOnlyList<ImpactSample> Samples);

/// <summary>Active sequences whose definition the draft changes (or removes), and their distinct contacts.</summary>
public sealed record InFlightCounts(int Sequences, int Contacts);

/// <summary>Steps of sequences in flight, by what happens to them; exclusive (a moved step is in one of Moved, SendNow, SkippedOverdue). All zero under new-only.</summary>
public sealed record StepCounts(int Moved, int Added, int Cancelled, int SendNow, int SkippedOverdue);

/// <summary>One contact's step before and after: <paramref name="From"/> null for an added step, <paramref name="To"/> null for one that no longer goes.</summary>
/// <param name="Change">moved, added, cancelled, sendNow or skippedOverdue.</param>
public sealed record ImpactSample(string Email, string Sequence, int Step, DateTime? From, DateTime? To, string Change);

/// <summary>The answer of a publish: the revision now in force and the impact it applied.</summary>
public sealed record PublishReceipt(
    int Revision,
    string Policy,
    IReadOnlyList<DefinitionChange> Changes,
    InFlightCounts InFlight,
    StepCounts Steps,
    IReadOnlyDictionary<string, int> HandlerCallsLast7Days,
    IReadOnlyList<ImpactSample> Samples)
{
    public static PublishReceipt Of(int revision, PublishImpact impact) =>
        new(revision, impact.Policy, impact.Changes, impact.InFlight, impact.Steps, impact.HandlerCallsLast7Days, impact.Samples);
}
