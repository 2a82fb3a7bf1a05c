using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Fixtures;

/// <summary>Revision 1 compiled, as a database gets it at its first start: the engine's definitions for tests without a host.</summary>
public static class RevisionOne
{
    public static LiveCampaign Campaign { get; } = CampaignCompiler.Compile(1, RevisionOneDocument.Build());

    public static SequenceDefinition Sequence(string name) => Campaign.Sequence(name) ?? throw new ArgumentException($"No sequence '{name}' in revision 1.");

    public static HandlerDefinition Handler(string name) => Campaign.Handler(name) ?? throw new ArgumentException($"No handler '{name}' in revision 1.");
}
