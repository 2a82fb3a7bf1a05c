using System.Globalization;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Resend;
using Christmas.Core.Delivery.Smtp;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>Reads the email provider's configuration for the settings page (never the secrets themselves); Notion has its own status (Notion/Status).</summary>
public sealed class IntegrationStatusReader(IOptionsMonitor<EmailOptions> email, IOptionsMonitor<ResendOptions> resend, IOptionsMonitor<SmtpOptions> smtp,
    SenderReadiness readiness)
{
    public IntegrationStatus Email()
    {
        var options = email.CurrentValue;
        var details = new List<KeyValuePair<string, string>> { new("From", string.IsNullOrWhiteSpace(options.From) ? "not set" : options.From) };
        if (options.IsResend)
        {
            details.Add(new("Resend API key", SetOrNot(resend.CurrentValue.ApiKey)));
            details.Add(new("Resend base URL", resend.CurrentValue.BaseUrl));
            details.Add(new("Requests per second", resend.CurrentValue.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)));
        }
        else if (options.IsSmtp)
        {
            details.Add(new("SMTP host", smtp.CurrentValue.Host ?? "not set"));
            details.Add(new("SMTP password", SetOrNot(smtp.CurrentValue.Password)));
        }
        var held = readiness.HeldReason();
        var warning = readiness.LinkWarning();
        if (warning is not null) details.Add(new("Unsubscribe links", warning));
        var state = held ?? (options.IsResend || options.IsSmtp
            ? $"{options.Provider}: emails leave this machine"
            : "Outbox: emails are stored here and never sent");
        return new IntegrationStatus("Email provider", state, held is null && warning is null, details);
    }

    private static string SetOrNot(string? secret) => string.IsNullOrWhiteSpace(secret) ? "not set" : "set";
}
