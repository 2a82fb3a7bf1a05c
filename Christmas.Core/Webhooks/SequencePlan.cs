using Christmas.Core.Sequences;
using Christmas.Core.SendRules;

namespace Christmas.Core.Webhooks;

/// <summary>
/// What a valid call would start: the definition, its dedupe key and the planned steps. Pure, so the
/// ingestor (which stores it) and the console's dry run (which only shows it) plan the same way.
/// </summary>
public sealed record SequencePlan(SequenceDefinition Definition, string DedupeKey, List<Step> Steps)
{
    /// <returns>Null when the handler starts no sequence (signup) or the input blocks it (payment not "paid").</returns>
    public static SequencePlan? For(WebhookInput input, SequenceCatalog catalog, SequenceMode mode, DateTime now, TimeSpan overdueGrace,
        Placement? placement = null)
    {
        if (input.Handler.Starts is not { } kind || input.SequenceBlocked) return null;
        var definition = catalog.Get(kind);
        var steps = StepPlanner.Plan(definition, mode, input.AnchorAt, now, overdueGrace, input.WebsiteStatus, placement);
        return new SequencePlan(definition, definition.DedupeKey(input.Texts), steps);
    }
}
