using Christmas.Core.Campaign.Definition;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Campaign.Live;

/// <summary>Turns a validated document into the engine's definitions. Pure.</summary>
public static class CampaignCompiler
{
    /// <param name="generatedKeys">Stored keys of handlers the guide does not name (see <see cref="HandlerDefinition.DefaultKey"/>).</param>
    public static LiveCampaign Compile(int revision, CampaignDocument document, IReadOnlyDictionary<string, string>? generatedKeys = null) => new(
        revision,
        document,
        document.Sequences.Select(Sequence).ToList(),
        document.Handlers.Select(h => Handler(h, GuideKeys.Find(h.Name) ?? generatedKeys?.GetValueOrDefault(h.Name) ?? "")).ToList());

    private static SequenceDefinition Sequence(SequenceSpec s) => new(
        s.Name,
        s.Label,
        s.Stage,
        s.Steps.OrderBy(x => x.Number).Select(x => new StepDefinition(x.Number, x.Template, x.Offset, x.TestingOffset, x.SentByWebsite)).ToList(),
        s.DedupeFields,
        s.Ends.Select(e => new SequenceEnding(e.Sequence, e.Reason)).ToList());

    private static HandlerDefinition Handler(HandlerSpec h, string defaultKey) => new(
        h.Name,
        defaultKey,
        h.Description ?? "",
        h.Starts,
        h.Fields.Select(f => Field(f, h.Anchor)).ToList(),
        h.WebsiteStatusField);

    private static FieldRule Field(FieldSpec f, string? anchor) => new(
        f.Name,
        Kind(f.Kind, f.Name == anchor),
        f.Required,
        f.Expected,
        f.StartsOnlyIfExpected,
        f.Min,
        f.Max);

    private static FieldKind Kind(string kind, bool isAnchor) => kind switch
    {
        FieldKinds.Email => FieldKind.Email,
        FieldKinds.Count => FieldKind.Count,
        FieldKinds.Integer => FieldKind.Integer,
        FieldKinds.Amount => FieldKind.Amount,
        FieldKinds.Timestamp => isAnchor ? FieldKind.Anchor : FieldKind.Timestamp,
        _ => FieldKind.Text,
    };

    /// <summary>The document's spelling of a field kind (the console's trigger form and the flows API show it).</summary>
    public static string KindName(FieldKind kind) => kind switch
    {
        FieldKind.Email => FieldKinds.Email,
        FieldKind.Count => FieldKinds.Count,
        FieldKind.Integer => FieldKinds.Integer,
        FieldKind.Amount => FieldKinds.Amount,
        FieldKind.Anchor or FieldKind.Timestamp => FieldKinds.Timestamp,
        _ => FieldKinds.Text,
    };
}
