using Christmas.Core.Webhooks;

namespace Christmas.Core.Contacts.Consent;

/// <summary>What a webhook call (or an operator's trigger) records as the contact's consent.</summary>
public sealed record WebhookConsent(ConsentSource Source, string Handler, DateTime At, string ExecutionId, string? By, string? Text, string? Ip)
{
    /// <param name="trigger">"webhook", "manual:&lt;who&gt;" or "replay:&lt;who&gt;" (a replay is the website's call again).</param>
    public static WebhookConsent From(WebhookInput input, string trigger, string executionId)
    {
        var manual = trigger.StartsWith("manual:", StringComparison.Ordinal);
        var at = input.Text(WebhookConsentFields.At) is { } stamp
            ? DateTime.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)
            : input.ReceivedAt;
        return new(manual ? ConsentSource.Manual : ConsentSource.Webhook, input.Handler.Name, at, executionId,
            manual ? trigger["manual:".Length..] : null, input.Text(WebhookConsentFields.Text), input.Text(WebhookConsentFields.Ip));
    }
}
