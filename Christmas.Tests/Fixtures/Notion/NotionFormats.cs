using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>Ids, timestamps, dates and strings as Notion writes and reads them.</summary>
internal static class NotionFormats
{
    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>Notion takes ids with or without dashes and answers them dashed and lower case.</summary>
    public static string ParseId(string raw, string where) => Guid.TryParse(raw, out var id)
        ? id.ToString()
        : throw NotionError.Validation($"{where} should be a valid uuid, instead was `\"{raw}\"`.");

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date ("2025-10-01") or an ISO 8601 date-time; without an offset a time is read as UTC.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset instant, out bool hasTime)
    {
        instant = default;
        hasTime = text?.Contains('T') == true;
        if (text is null) return false;
        if (hasTime) return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }

    /// <summary>The calendar date a stored date or date-time is written on (its first ten characters).</summary>
    public static DateOnly DatePart(string text) => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The string in a JSON string value; null for anything else (so bad shapes are refused, not thrown on).</summary>
    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
