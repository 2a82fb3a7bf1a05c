using Christmas.Core.Campaign.Definition;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Campaign.Live;

/// <summary>
/// One published revision compiled for the engine: its sequences and handlers as the ingest, the send job,
/// the simulator and the console use them. Immutable; a new revision is a new instance.
/// </summary>
public sealed class LiveCampaign
{
    private readonly Dictionary<string, SequenceDefinition> _sequences;
    private readonly Dictionary<string, HandlerDefinition> _handlers;

    public LiveCampaign(int revision, CampaignDocument document, IReadOnlyList<SequenceDefinition> sequences, IReadOnlyList<HandlerDefinition> handlers)
    {
        Revision = revision;
        Document = document;
        Sequences = sequences;
        Handlers = handlers;
        _sequences = sequences.ToDictionary(s => s.Name);
        _handlers = handlers.ToDictionary(h => h.Name);
        Stages = sequences.Select(s => s.Stage).OfType<string>().Distinct().ToList();
    }

    public int Revision { get; }
    public CampaignDocument Document { get; }
    public IReadOnlyList<SequenceDefinition> Sequences { get; }
    public IReadOnlyList<HandlerDefinition> Handlers { get; }

    /// <summary>The funnel's stages in the order the document first names them.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Null when this revision has no such sequence (it was removed; its stored sequences keep their name).</summary>
    public SequenceDefinition? Sequence(string name) => _sequences.GetValueOrDefault(name);

    public HandlerDefinition? Handler(string name) => _handlers.GetValueOrDefault(name);

    /// <summary>A sequence's label, or its name when this revision no longer has it.</summary>
    public string LabelOf(string name) => Sequence(name)?.Label ?? name;
}
