namespace Christmas.Core.Webhooks;

/// <summary>What starting a handler by hand would do, computed without writing anything.</summary>
/// <param name="Sequence">The sequence kind it would start; null when it starts none (see <paramref name="NoSequenceReason"/>).</param>
/// <param name="PlannedAt">The "now" the plan was made at (due times are relative to it).</param>
/// <param name="ExistingSequenceId">Set when a sequence with the same dedupe key exists: the call would be deduplicated.</param>
public sealed record TriggerPreview(
    string Email,
    DateTime PlannedAt,
    bool ContactExists,
    string? Sequence,
    string Mode,
    IReadOnlyList<PlannedStep> Steps,
    long? ExistingSequenceId,
    string? NoSequenceReason,
    IReadOnlyList<string> Warnings)
{
    public bool Deduplicated => ExistingSequenceId is not null;
}
