using Christmas.Core.Webhooks;

namespace Christmas.Admin.Components.Pages.Trigger;

/// <summary>
/// What the operator is told after starting a call by hand: what was stored, and every warning the call
/// raised (nothing will be sent, the address is suppressed, a field fell back), so a "started" that sends
/// nothing never reads as a plain success.
/// </summary>
public sealed record TriggerOutcome(string Message, IReadOnlyList<string> Warnings, string ContactUrl)
{
    /// <summary>The call raised warnings: shown as a warning, not a success.</summary>
    public bool Warned => Warnings.Count > 0;

    public static TriggerOutcome Of(IngestResult ingest, string email, string contactUrl)
    {
        var message = ingest.SequenceId is { } id
            ? ingest.Deduplicated ? $"Sequence #{id} already existed: contact updated, nothing new scheduled." : $"Sequence #{id} started for {email}."
            : $"Contact {email} saved; no sequence started.";
        return new TriggerOutcome(message, ingest.Warnings, contactUrl);
    }
}
