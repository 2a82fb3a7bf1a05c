namespace Christmas.Core.Contacts.Import;

/// <summary>
/// A contact field a CSV column can fill, named like the webhook field, with the headers other tools use for it.
/// Headers match ignoring case, spaces, dashes and underscores ("E-mail", "Email Address", "email_address").
/// </summary>
public sealed record CsvField(string Name, string Label, params string[] Aliases)
{
    public const string Email = "email";
    public const string Reason = "reason";

    public static readonly IReadOnlyList<CsvField> All =
    [
        new(Email, "Email", "e-mail", "email address", "mail", "email_address"),
        new("first_name", "First name", "firstname", "first", "name", "given name", "full name"),
        new("business_name", "Business", "business", "company", "company name", "organization", "organisation"),
        new("red_systems", "Red systems", "red"),
        new("orange_systems", "Orange systems", "orange"),
        new("yellow_systems", "Yellow systems", "yellow"),
        new("green_systems", "Green systems", "green"),
        new("weakest_system_1", "Weakest system 1", "weakest 1", "weakest system"),
        new("weakest_system_2", "Weakest system 2", "weakest 2"),
        new("revenue_leak_total", "Revenue leak", "revenue leak", "revenue"),
        new("timezone", "Time zone", "time zone", "tz"),
        new(Consent.WebhookConsentFields.Text, "Consent text", "consent", "consent wording"),
        new(Consent.WebhookConsentFields.At, "Consent at", "consent date", "consented at", "opt-in date", "optin at", "opted in at", "subscribed at"),
        new(Consent.WebhookConsentFields.Ip, "Consent IP", "ip", "ip address", "optin ip", "opt-in ip"),
        new(Reason, "Suppression reason", "suppression reason", "status"),
    ];

    public static CsvField? Find(string text)
    {
        var key = Key(text);
        return All.FirstOrDefault(f => Key(f.Name) == key || f.Aliases.Any(a => Key(a) == key));
    }

    private static string Key(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
