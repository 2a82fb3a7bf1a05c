using System.Globalization;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Resend;
using Christmas.Core.Delivery.Smtp;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>Reads the email provider's configuration for the settings page (never the secrets themselves); Notion has its own status (Notion/Status).</summary>
public sealed class IntegrationStatusReader(IOptions<EmailOptions> email, IOptions<ResendOptions> resend, IOptions<SmtpOptions> smtp)
{
    public IntegrationStatus Email()
    {
        var options = email.Value;
        var details = new List<KeyValuePair<string, string>> { new("From", string.IsNullOrWhiteSpace(options.From) ? "not set" : options.From) };
        if (options.IsResend)
        {
            details.Add(new("Resend API key", SetOrNot(resend.Value.ApiKey)));
            details.Add(new("Resend base URL", resend.Value.BaseUrl));
            details.Add(new("Requests per second", resend.Value.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)));
        }
        else if (options.IsSmtp)
        {
            details.Add(new("SMTP host", smtp.Value.Host ?? "not set"));
            details.Add(new("SMTP password", SetOrNot(smtp.Value.Password)));
        }
        var state = options.IsResend || options.IsSmtp
            ? $"{options.Provider}: emails leave this machine"
            : "Outbox: emails are stored here and never sent";
        return new IntegrationStatus("Email provider", state, true, details);
    }

    private static string SetOrNot(string? secret) => string.IsNullOrWhiteSpace(secret) ? "not set" : "set";
}
