using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// The one place that maps a stored sequence to its name in the definition (<see cref="Sequence.Kind"/>).
/// </summary>
public static class SequenceNames
{
    public static string Of(Sequence sequence) => sequence.Kind;
}
