namespace Christmas.Core.Contacts.Consent;

/// <summary>The optional consent fields any webhook body (and an import's columns) may carry.</summary>
public static class WebhookConsentFields
{
    public const string Text = "consent_text";
    public const string At = "consent_at";
    public const string Ip = "consent_ip";
}
