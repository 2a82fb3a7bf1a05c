using Christmas.Core.Common;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Campaign.Definition;

/// <summary>
/// Revision 1: today's C# catalogs as a document. Built from <see cref="SequenceCatalog"/> and
/// <see cref="HandlerCatalog"/>, so they stay the one source until the engine reads the published definition.
/// </summary>
public static class CatalogDocument
{
    /// <summary>Labels and funnel stages are not in the catalogs: the console named sequences by kind, the funnel's stages are FunnelQueries' NextStages.</summary>
    private static readonly Dictionary<SequenceKind, (string Label, string? Stage)> Presentation = new()
    {
        [SequenceKind.Assessment] = ("Assessment follow-up", null),
        [SequenceKind.Noshow] = ("No-show recovery", "booked a call"),
        [SequenceKind.Postcall] = ("Post-call maybe", "booked a call"),
        [SequenceKind.Onboarding] = ("Onboarding", "paid"),
    };

    public static CampaignDocument From(SequenceCatalog sequences, HandlerCatalog handlers) => new(
        sequences.All.Select(Sequence).ToList(),
        handlers.All.Select(Handler).ToList());

    private static SequenceSpec Sequence(SequenceDefinition d) => new(
        d.Name,
        Presentation[d.Kind].Label,
        Presentation[d.Kind].Stage,
        d.DedupeFields.ToList(),
        d.Ends.Select(e => new SequenceEndSpec(e.Kind.ToApiName(), e.Reason)).ToList(),
        d.Steps.Select(s => new StepSpec(s.Number, s.TemplateKey, s.ProductionOffset, s.TestingOffset, s.SentByWebsite)).ToList());

    private static HandlerSpec Handler(HandlerDefinition h) => new(
        h.Name,
        h.Description,
        h.Starts?.ToApiName(),
        h.Fields.FirstOrDefault(f => f.Kind == FieldKind.Anchor)?.Name,
        h.Fields.Select(Field).ToList(),
        h.WebsiteStatusField);

    private static FieldSpec Field(FieldRule f) => new(
        f.Name,
        Kind(f.Kind),
        f.Required,
        f.Expected,
        // A count is 0-8 by its kind; the bounds are not repeated on it.
        StartsOnlyIfExpected: f.StartsSequenceOnlyIfExpected);

    public static string Kind(FieldKind kind) => kind switch
    {
        FieldKind.Email => FieldKinds.Email,
        FieldKind.Count => FieldKinds.Count,
        FieldKind.Amount => FieldKinds.Amount,
        FieldKind.Anchor => FieldKinds.Timestamp,
        _ => FieldKinds.Text,
    };
}
