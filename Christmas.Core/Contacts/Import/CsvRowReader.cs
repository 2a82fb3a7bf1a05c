using System.Globalization;
using System.Net;
using Christmas.Core.Contacts.Consent;
using Christmas.Core.Suppressions;

namespace Christmas.Core.Contacts.Import;

/// <summary>Turns one record's values into a contact, or names the first column at fault. The rules are the webhook's.</summary>
/// <param name="suppress">Reading an unsubscribe or bounce list: the <c>reason</c> column counts (else it is left alone).</param>
public sealed class CsvRowReader(CsvColumnMap map, SegmentRule segments, bool suppress)
{
    private const int MaxText = 200;
    private const int SystemsTotal = 8;

    public CsvImportRow? Read(int row, string[] values, out CsvImportError? error)
    {
        error = null;
        string? bad = null;
        var badColumn = -1;
        string? Value(string field)
        {
            var i = map.IndexOf(field);
            return i < 0 || i >= values.Length || string.IsNullOrWhiteSpace(values[i]) ? null : values[i].Trim();
        }
        T? Check<T>(string field, Func<string, (T? Value, string? Error)> parse)
        {
            if (bad is not null || Value(field) is not { } text) return default;
            var (value, problem) = parse(text);
            if (problem is not null) (bad, badColumn) = ($"{field} {problem}", map.IndexOf(field));
            return value;
        }

        var email = Check<string>(CsvField.Email, t => EmailAddress.Normalize(t, out var e) is { } p ? (null, p) : (e, null));
        if (bad is null && email is null) (bad, badColumn) = ($"{CsvField.Email} is required.", map.IndexOf(CsvField.Email));
        var name = Check("first_name", Text);
        var business = Check("business_name", Text);
        var red = Check("red_systems", Count);
        var orange = Check("orange_systems", Count);
        var yellow = Check("yellow_systems", Count);
        var green = Check("green_systems", Count);
        var weakest1 = Check("weakest_system_1", Text);
        var weakest2 = Check("weakest_system_2", Text);
        var leak = Check("revenue_leak_total", Amount);
        var zone = Check<string>("timezone", t => NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(t) is { } z ? (z.Id, null) : (null, "must be an IANA time zone name (e.g. America/Toronto)."));
        var consentText = Check<string>(WebhookConsentFields.Text, t => t.Length <= ContactConsent.MaxText ? (t, null) : (null, $"must be at most {ContactConsent.MaxText} characters."));
        var consentAt = Check(WebhookConsentFields.At, Timestamp);
        var consentIp = Check<string>(WebhookConsentFields.Ip, t => IPAddress.TryParse(t, out var ip) && t.Length <= 45 ? (ip.ToString(), null) : (null, "must be an IPv4 or IPv6 address."));
        var reason = suppress ? Check(CsvField.Reason, Reason) : null;
        if (bad is not null)
        {
            error = new CsvImportError(row, map.Headers[badColumn], bad);
            return null;
        }

        int?[] counts = [red, orange, yellow, green];
        Segment? segment = counts.All(c => c is not null) ? segments.Classify(red!.Value, orange!.Value) : null;
        var contact = new ImportedContact(email!, name, business, red, orange, yellow, green, weakest1, weakest2, leak, segment, null, zone);
        return new CsvImportRow(row, contact, consentText, consentAt, consentIp, reason ?? SuppressionReason.Manual);
    }

    private static (string?, string?) Text(string text) =>
        text.Length > MaxText ? (null, $"must be at most {MaxText} characters.")
        : text.Any(char.IsControl) ? (null, "must not contain control characters.")
        : (text, null);

    private static (int?, string?) Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= SystemsTotal
            ? (n, null) : (null, $"must be a whole number from 0 to {SystemsTotal}.");

    /// <summary>"1234.5", "$1,234.50": a plain number; thousands separators and a dollar sign are allowed.</summary>
    private static (decimal?, string?) Amount(string text) =>
        decimal.TryParse(text.TrimStart('$'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d)
            ? (d, null) : (null, "must be a number of 0 or more (e.g. 1234.50).");

    /// <summary>ISO 8601; without an offset it is taken as UTC.</summary>
    private static (DateTime?, string?) Timestamp(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at.UtcDateTime, null) : (null, "must be a date or an ISO 8601 timestamp (e.g. 2026-11-30T14:05:00Z).");

    private static (SuppressionReason?, string?) Reason(string text) => text.ToLowerInvariant() switch
    {
        "unsubscribed" or "unsubscribe" => (SuppressionReason.Unsubscribed, null),
        "bounced" or "bounce" => (SuppressionReason.Bounced, null),
        "complained" or "complaint" => (SuppressionReason.Complained, null),
        "manual" => (SuppressionReason.Manual, null),
        _ => (null, "must be unsubscribed, bounced, complained or manual."),
    };
}
