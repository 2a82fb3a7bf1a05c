using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>One decided change to one step.</summary>
/// <param name="From">When the step would have gone (its send time); null for an added step.</param>
/// <param name="To">When it goes now; null when it no longer goes (cancelled, skipped).</param>
/// <param name="DueAt">The new plan (anchor + offset) of a moved, skipped or added step.</param>
/// <param name="Reason">Why <paramref name="To"/> differs from <paramref name="DueAt"/> (a send rule), or why the step stops.</param>
/// <param name="Spec">The definition's step, for an added step or a template change.</param>
public sealed record PlannedStep(int Number, StepChangeKind Kind, DateTime? From, DateTime? To, DateTime? DueAt, string? Reason, StepSpec? Spec = null);
