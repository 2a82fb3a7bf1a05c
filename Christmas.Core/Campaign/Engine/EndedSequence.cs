using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Engine;

/// <summary>A sequence an exit rule ended, with the numbers of the emails it will no longer send.</summary>
public sealed record EndedSequence(Sequence Sequence, string Reason, IReadOnlyList<int> CancelledSteps);
