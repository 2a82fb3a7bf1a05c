using System.Globalization;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Resend;
using Christmas.Core.Delivery.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>Reads the email provider's and Notion's configuration for the settings page (never the secrets themselves).</summary>
/// <remarks>Notion has no options class yet (its mirror is a later issue), so its keys are read from configuration.</remarks>
public sealed class IntegrationStatusReader(
    IOptions<EmailOptions> email, IOptions<ResendOptions> resend, IOptions<SmtpOptions> smtp, IConfiguration configuration)
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

    public IntegrationStatus Notion()
    {
        var configured = !string.IsNullOrWhiteSpace(configuration["Notion:Token"]);
        return new IntegrationStatus("Notion mirror",
            configured ? "Token set; the mirror itself is not built yet (a later issue)" : "Off (Notion:Token is not set)",
            !configured,
            [new("Notion token", SetOrNot(configuration["Notion:Token"])),
             new("Contacts database", configuration["Notion:ContactsDatabaseId"] ?? "not set"),
             new("Sequence tracker database", configuration["Notion:SequenceTrackerDatabaseId"] ?? "not set")]);
    }

    private static string SetOrNot(string? secret) => string.IsNullOrWhiteSpace(secret) ? "not set" : "set";
}
