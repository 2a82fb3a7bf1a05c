using System.Globalization;
using Christmas.Core.Contacts;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;

namespace Christmas.Core.Notion.Import;

/// <summary>Reads one page of the team's Contacts database through the mapping, or says why it cannot be used.</summary>
public static class OldContactPage
{
    private const int MaxName = 200;

    /// <returns>The contact, or null with the reason in <paramref name="skip"/>.</returns>
    public static ImportedContact? Read(NotionPage page, DatabaseMapping mapping, out string? skip)
    {
        skip = null;
        var rawEmail = Text(page, mapping, "Email");
        if (string.IsNullOrWhiteSpace(rawEmail))
        {
            skip = "no email";
            return null;
        }
        if (EmailAddress.Normalize(rawEmail, out var email) is { } bad)
        {
            skip = $"email '{rawEmail.Trim()}' {bad}";
            return null;
        }
        var name = Cut(page.TitleText());
        return new ImportedContact(email!, name, Cut(Text(page, mapping, "BusinessName")),
            Count(page, mapping, "RedSystems"), Count(page, mapping, "OrangeSystems"),
            Count(page, mapping, "YellowSystems"), Count(page, mapping, "GreenSystems"),
            Cut(Text(page, mapping, "WeakestSystem1")), Cut(Text(page, mapping, "WeakestSystem2")),
            mapping.Mapped("RevenueLeak") is { } leak ? page.Number(leak.Property) : null,
            Enum.TryParse<Segment>(Text(page, mapping, "Segment"), ignoreCase: true, out var segment) ? segment : null,
            Enum.TryParse<ContactStatus>(Text(page, mapping, "Status"), ignoreCase: true, out var status) ? status : null);
    }

    /// <summary>A mapped field's text, whichever type the team gave the property.</summary>
    private static string? Text(NotionPage page, DatabaseMapping mapping, string field) =>
        mapping.Mapped(field) is not { } m ? null : m.Type switch
        {
            "email" => page.Email(m.Property),
            "select" => page.Select(m.Property),
            "number" => page.Number(m.Property)?.ToString(CultureInfo.InvariantCulture),
            _ => page.Text(m.Property),
        };

    private static int? Count(NotionPage page, DatabaseMapping mapping, string field) =>
        mapping.Mapped(field) is { } m && page.Number(m.Property) is { } n && n == Math.Floor(n) && n is >= 0 and <= 8 ? (int)n : null;

    private static string? Cut(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > MaxName ? t[..MaxName] : text.Trim();
}
