using Christmas.Core.Campaign.Live;
using Christmas.Core.Sequences;

namespace Christmas.Core.Funnel;

/// <summary>
/// The funnel's stages, from the definition's <c>stage</c> of each sequence, in the order the document first
/// names them ("booked a call", "had the call", "paid"). A sequence's funnel shows the stages after its own.
/// </summary>
public static class FunnelStages
{
    private static readonly HashSet<string> Articles = ["a", "an", "the"];

    public sealed record Stage(int Index, string Key, string Label);

    public static int IndexOf(LiveCampaign live, string stage) => live.Stages.ToList().IndexOf(stage);

    public static IReadOnlyList<Stage> After(LiveCampaign live, SequenceDefinition definition)
    {
        var own = definition.Stage is { } s ? IndexOf(live, s) : -1;
        return live.Stages.Select((stage, i) => new Stage(i, KeyOf(stage), LabelOf(stage))).Where(x => x.Index > own).ToList();
    }

    /// <summary>"booked a call" is <c>booked_call</c>: lower case, articles left out, words joined by underscores.</summary>
    public static string KeyOf(string stage) =>
        string.Join('_', stage.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Articles.Contains(w)));

    public static string LabelOf(string stage) => stage.Length == 0 ? stage : char.ToUpperInvariant(stage[0]) + stage[1..];
}
