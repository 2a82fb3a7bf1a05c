using Christmas.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>Reads the email provider's and Notion's configuration for the settings page (never the secrets themselves).</summary>
public sealed class IntegrationStatusReader(IOptions<EmailOptions> email, IConfiguration configuration)
{
    public IntegrationStatus Email()
    {
        var options = email.Value;
        var details = new List<KeyValuePair<string, string>> { new("From", string.IsNullOrWhiteSpace(options.From) ? "not set" : options.From) };
        if (options.IsResend)
        {
            details.Add(new("Resend API key", SetOrNot("Resend:ApiKey")));
            details.Add(new("Resend base URL", configuration["Resend:BaseUrl"] ?? "https://api.resend.com"));
            details.Add(new("Requests per second", configuration["Resend:RequestsPerSecond"] ?? "2"));
        }
        else if (options.IsSmtp)
        {
            details.Add(new("SMTP host", configuration["Smtp:Host"] ?? "not set"));
            details.Add(new("SMTP password", SetOrNot("Smtp:Password")));
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
            [new("Notion token", SetOrNot("Notion:Token")),
             new("Contacts database", configuration["Notion:ContactsDatabaseId"] ?? "not set"),
             new("Sequence tracker database", configuration["Notion:SequenceTrackerDatabaseId"] ?? "not set")]);
    }

    private string SetOrNot(string key) => string.IsNullOrWhiteSpace(configuration[key]) ? "not set" : "set";
}
