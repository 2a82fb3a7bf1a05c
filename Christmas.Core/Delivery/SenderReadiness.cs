using Christmas.Core.Campaign;
using Christmas.Core.Delivery.Resend;
using Christmas.Core.Delivery.Smtp;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery;

/// <summary>
/// Whether the real sender (Resend or Smtp) has everything an email that leaves the machine needs.
/// An incomplete sender holds the sends instead of stopping the app: the webhooks must keep being
/// taken while someone sets the missing keys. Read through monitors, so a configuration reload releases them.
/// </summary>
public sealed class SenderReadiness(
    IOptionsMonitor<EmailOptions> email,
    IOptionsMonitor<ResendOptions> resend,
    IOptionsMonitor<SmtpOptions> smtp,
    IOptionsMonitor<CampaignOptions> campaign)
{
    public const string HeldPrefix = "Sending is held: set ";

    public bool SendsRealEmail => email.CurrentValue is { IsResend: true } or { IsSmtp: true };

    /// <summary>The configuration keys still to set; empty for the Outbox, which sends nothing.</summary>
    public IReadOnlyList<string> MissingKeys()
    {
        var e = email.CurrentValue;
        if (!SendsRealEmail) return [];
        var sender = campaign.CurrentValue.Sender;
        // CASL: every email names its sender, a postal address and a way to reach them.
        (string Key, string? Value)[] required =
        [
            ("Email:From", e.From),
            .. e.IsResend ? [("Resend:ApiKey", resend.CurrentValue.ApiKey)] : new (string, string?)[] { ("Smtp:Host", smtp.CurrentValue.Host) },
            ("Campaign:Sender:Name", sender.Name),
            ("Campaign:Sender:PostalAddress", sender.PostalAddress),
            ("Campaign:Sender:ContactEmail", sender.ContactEmail),
        ];
        return required.Where(r => string.IsNullOrWhiteSpace(r.Value)).Select(r => r.Key).ToList();
    }

    /// <summary>Why sends are held (what the due steps' <c>lastError</c> says), or null when they may go.</summary>
    public string? HeldReason()
    {
        var missing = MissingKeys();
        return missing.Count == 0 ? null : $"{HeldPrefix}{string.Join(", ", missing)} (Email:Provider is {email.CurrentValue.Provider}).";
    }

    /// <summary>RFC 8058 wants the one-click unsubscribe link on https; mailbox providers ignore an http one.</summary>
    public string? LinkWarning()
    {
        var url = campaign.CurrentValue.PublicBaseUrl;
        return SendsRealEmail && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? $"Campaign:PublicBaseUrl is {url}, not https: unsubscribe links in real emails should be https (RFC 8058 one-click)."
            : null;
    }
}
