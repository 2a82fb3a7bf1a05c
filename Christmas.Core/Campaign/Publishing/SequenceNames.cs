using Christmas.Core.Common;
using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// The one place that maps a stored sequence to its name in the definition, so that the publisher does
/// not depend on how <see cref="Sequence.Kind"/> is stored (an enum today, the definition's name soon).
/// </summary>
public static class SequenceNames
{
    public static string Of(Sequence sequence) => sequence.Kind.ToApiName();
}
