namespace Christmas.Core.Campaign.Publishing;

/// <summary>What a publish does to one active sequence.</summary>
/// <param name="Affected">Its definition changed between the revision it follows and the draft (so it counts as in flight).</param>
/// <param name="EndReason">Set when its sequence was removed: it ends with this reason.</param>
/// <param name="Steps">Empty under new-only, or when no pending step changes.</param>
public sealed record InFlightPlan(long SequenceId, long ContactId, string Sequence, bool Affected, string? EndReason, IReadOnlyList<PlannedStep> Steps)
{
    public static InFlightPlan Untouched(long sequenceId, long contactId, string sequence, bool affected) =>
        new(sequenceId, contactId, sequence, affected, null, []);
}
