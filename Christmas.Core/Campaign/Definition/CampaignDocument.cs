namespace Christmas.Core.Campaign.Definition;

/// <summary>The campaign's definition: its sequences and the webhook handlers that start them (DESIGN "The campaign definition").</summary>
public sealed record CampaignDocument(IReadOnlyList<SequenceSpec> Sequences, IReadOnlyList<HandlerSpec> Handlers)
{
    public SequenceSpec? Sequence(string name) => Sequences.FirstOrDefault(s => s.Name == name);

    public HandlerSpec? Handler(string name) => Handlers.FirstOrDefault(h => h.Name == name);
}
