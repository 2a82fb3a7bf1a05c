namespace Christmas.Core.Sequences;

/// <summary>An exit rule: starting one sequence ends the contact's active sequences named <paramref name="Sequence"/>.</summary>
public sealed record SequenceEnding(string Sequence, string Reason);
