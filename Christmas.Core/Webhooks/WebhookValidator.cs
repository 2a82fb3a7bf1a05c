using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Contacts.Consent;
using ConsentFields = Christmas.Core.Contacts.Consent.WebhookConsentFields;

namespace Christmas.Core.Webhooks;

/// <summary>Applies a handler's field rules to a JSON body. Used by the webhooks and the manual trigger alike.</summary>
public sealed partial class WebhookValidator
{
    private const int MaxText = 200;
    private const int SystemsTotal = 8;

    public WebhookValidationResult Validate(HandlerDefinition handler, JsonElement body, DateTime receivedAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["The body must be a JSON object."];
            return new(null, errors);
        }

        var texts = new Dictionary<string, string?>();
        var counts = new Dictionary<string, int>();
        var warnings = new List<string>();
        decimal? amount = null;
        DateTime? anchor = null;
        var blocked = false;

        foreach (var rule in handler.Fields)
        {
            var present = body.TryGetProperty(rule.Name, out var value) && value.ValueKind != JsonValueKind.Null;
            if (rule.Kind == FieldKind.Anchor)
            {
                anchor = ReadAnchor(rule.Name, present ? value : null, receivedAt, warnings);
                if (anchor is { } a) texts[rule.Name] = a.ToString("O", CultureInfo.InvariantCulture);
                continue;
            }
            if (!present)
            {
                if (rule.Required) errors[rule.Name] = [$"{rule.Name} is required."];
                continue;
            }
            string? error = null;
            switch (rule.Kind)
            {
                case FieldKind.Email:
                    error = ReadEmail(value, out var email);
                    texts[rule.Name] = email;
                    break;
                case FieldKind.Text:
                    error = ReadText(value, rule.Required, out var text);
                    texts[rule.Name] = text;
                    break;
                case FieldKind.Count:
                    error = ReadCount(value, out var count);
                    counts[rule.Name] = count;
                    break;
                case FieldKind.Amount:
                    error = ReadAmount(value, rule, out var a);
                    // The assessment's revenue leak is the contact's; any other amount stays in the payload.
                    if (rule.Name == "revenue_leak_total" || amount is null) amount = a;
                    texts[rule.Name] = a?.ToString(CultureInfo.InvariantCulture);
                    break;
                case FieldKind.Integer:
                    error = ReadInteger(value, rule, out var n);
                    texts[rule.Name] = n?.ToString(CultureInfo.InvariantCulture);
                    break;
                case FieldKind.Timestamp:
                    if (JsonText.TryGetString(value, out var stamp) && TryParseTimestamp(stamp, out var at))
                        texts[rule.Name] = at.ToString("O", CultureInfo.InvariantCulture);
                    else error = "must be an ISO 8601 timestamp with an offset (e.g. 2026-12-07T09:00:00-05:00).";
                    break;
            }
            if (error is not null)
            {
                errors[rule.Name] = [$"{rule.Name} {error}"];
                continue;
            }
            if (rule.Expected is { } expected && texts.GetValueOrDefault(rule.Name) is { } actual
                && !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                blocked |= rule.StartsSequenceOnlyIfExpected;
                warnings.Add(rule.StartsSequenceOnlyIfExpected
                    ? $"{rule.Name} is '{actual}', not '{expected}': the contact was updated and no sequence was started."
                    : $"{rule.Name} is '{actual}', not '{expected}'.");
            }
        }

        if (errors.Count > 0) return new(null, errors);
        ReadTimeZone(body, texts, warnings);
        ReadConsent(body, receivedAt, texts, warnings);

        if (WebhookInput.IsAssessment(counts) && counts.Values.Sum() != SystemsTotal)
            warnings.Add($"The system counts add up to {counts.Values.Sum()}, not {SystemsTotal}.");

        var input = new WebhookInput(handler, texts["email"]!, receivedAt, anchor ?? receivedAt, texts, counts, amount,
            warnings, blocked, body.GetRawText());
        return new(input, errors);
    }

    /// <summary>
    /// <c>timezone</c>, in any handler's body: an IANA name for the send window. A wrong one is a
    /// warning, never a refusal: the website's call must not be lost to it.
    /// </summary>
    private static void ReadTimeZone(JsonElement body, Dictionary<string, string?> texts, List<string> warnings)
    {
        if (!body.TryGetProperty("timezone", out var value) || value.ValueKind == JsonValueKind.Null) return;
        if (JsonText.TryGetString(value, out var raw) && raw.Trim() is { Length: > 0 and <= 64 } name
            && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) is { } zone)
        {
            texts["timezone"] = zone.Id;
            return;
        }
        warnings.Add("timezone is not an IANA time zone name (e.g. America/Toronto): the contact keeps its zone (else Campaign:DefaultTimeZone).");
    }

    /// <summary>
    /// <c>consent_text</c>, <c>consent_at</c>, <c>consent_ip</c>, in any handler's body: the evidence of consent kept with
    /// the contact. Like the time zone, a bad value is a warning and is left out, never a refusal.
    /// </summary>
    private static void ReadConsent(JsonElement body, DateTime receivedAt, Dictionary<string, string?> texts, List<string> warnings)
    {
        if (Present(body, ConsentFields.Text, out var text))
        {
            if (JsonText.TryGetString(text, out var wording) && wording.Trim() is { Length: > 0 and <= ContactConsent.MaxText } trimmed)
                texts[ConsentFields.Text] = trimmed;
            else warnings.Add($"{ConsentFields.Text} must be a string of 1 to {ContactConsent.MaxText} characters: it was not recorded.");
        }
        if (Present(body, ConsentFields.At, out var at))
        {
            if (JsonText.TryGetString(at, out var stamp) && TryParseTimestamp(stamp, out var given) && given <= receivedAt)
                texts[ConsentFields.At] = given.ToString("O", CultureInfo.InvariantCulture);
            else warnings.Add($"{ConsentFields.At} is not an ISO 8601 timestamp with an offset in the past: the call's time was recorded instead.");
        }
        if (Present(body, ConsentFields.Ip, out var ip))
        {
            if (JsonText.TryGetString(ip, out var raw) && raw.Trim() is { Length: <= 45 } address && System.Net.IPAddress.TryParse(address, out var parsed)
                && address.Contains(parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? ':' : '.'))
                texts[ConsentFields.Ip] = parsed.ToString();
            else warnings.Add($"{ConsentFields.Ip} is not an IPv4 or IPv6 address: it was not recorded.");
        }
    }

    private static bool Present(JsonElement body, string name, out JsonElement value) =>
        body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static DateTime? ReadAnchor(string name, JsonElement? value, DateTime receivedAt, List<string> warnings)
    {
        var fallback = $"delays count from the time the webhook was received ({receivedAt:O}).";
        if (value is null)
        {
            warnings.Add($"{name} is missing: {fallback}");
            return null;
        }
        if (!JsonText.TryGetString(value.Value, out var text) || !TryParseTimestamp(text, out var at))
        {
            warnings.Add($"{name} is not an ISO 8601 timestamp with an offset: {fallback}");
            return null;
        }
        if (at > receivedAt)
        {
            warnings.Add($"{name} ({at:O}) is in the future: {fallback}");
            return receivedAt;
        }
        return at;
    }

    internal static bool TryParseTimestamp(string text, out DateTime utc)
    {
        utc = default;
        if (!IsoWithOffset().IsMatch(text)) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }

    private static string? ReadEmail(JsonElement value, out string? email)
    {
        email = null;
        return JsonText.TryGetString(value, out var raw) ? EmailAddress.Normalize(raw, out email) : "must be a string.";
    }

    private static string? ReadText(JsonElement value, bool required, out string? text)
    {
        text = null;
        if (!JsonText.TryGetString(value, out var raw)) return "must be a string.";
        var trimmed = raw.Trim();
        if (trimmed.Length == 0) return required ? "must not be empty." : null;
        if (trimmed.Length > MaxText) return $"must be at most {MaxText} characters.";
        if (trimmed.Any(char.IsControl)) return "must not contain control characters.";
        text = trimmed;
        return null;
    }

    private static string? ReadCount(JsonElement value, out int count)
    {
        count = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out count) || count is < 0 or > SystemsTotal)
            return $"must be an integer from 0 to {SystemsTotal}.";
        return null;
    }

    private static string? ReadAmount(JsonElement value, FieldRule rule, out decimal? amount)
    {
        amount = null;
        var (min, max) = (rule.Min ?? 0, rule.Max ?? 1_000_000_000_000m);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d) || d < min || d > max)
            return $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.";
        amount = d;
        return null;
    }

    /// <summary>A whole number within the field's bounds (any 32-bit integer without them).</summary>
    private static string? ReadInteger(JsonElement value, FieldRule rule, out int? number)
    {
        number = null;
        var (min, max) = (rule.Min ?? int.MinValue, rule.Max ?? int.MaxValue);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n < min || n > max)
            return rule.Min is null && rule.Max is null ? "must be a whole number."
                : $"must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.";
        number = n;
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoWithOffset();
}
