using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Christmas.Core.Contacts;

/// <summary>The contact's identity: an email trimmed and lower-cased, checked the same way for webhooks and imports.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <returns>Null with the normalized address, else what is wrong with it.</returns>
    public static string? Normalize(string raw, out string? email)
    {
        email = null;
        var text = raw.Trim().ToLowerInvariant();
        if (text.Length == 0) return "must not be empty.";
        if (text.Length > MaxLength) return $"must be at most {MaxLength} characters.";
        if (!SimpleAddress().IsMatch(text) || !MailAddress.TryCreate(text, out var parsed) || parsed.Address != text)
            return "must be a valid email address.";
        email = text;
        return null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex SimpleAddress();
}
