using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>One sequence's definition in the revision a sequence follows and in the draft; null where it does not exist.</summary>
public sealed record SequenceEdit(string Name, SequenceSpec? From, SequenceSpec? To)
{
    /// <summary>Compared once per edit, not once per sequence in flight (the pass keeps one edit per revision and name).</summary>
    public bool Changed { get; } = !SpecEquality.Same(From, To);

    public static SequenceEdit Of(string name, CampaignDocument followed, CampaignDocument draft) => new(name, followed.Sequence(name), draft.Sequence(name));
}
