namespace Christmas.Core.Sequences;

/// <summary>An exit rule: starting one sequence ends the contact's active sequences of <paramref name="Kind"/>.</summary>
public sealed record SequenceEnding(SequenceKind Kind, string Reason);
