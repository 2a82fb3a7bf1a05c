using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>Reads RESPONSE-shaped property values; shared by the query filter, the sorts and <see cref="StandInPage"/>.</summary>
internal static class PropertyReaders
{
    /// <summary>Title and rich text: the items' plain text joined; select: the option's name; email: the address.</summary>
    public static string? Text(string type, JsonNode? value) => type switch
    {
        "title" or "rich_text" => value is JsonArray items
            ? string.Concat(items.Select(item => NotionFormats.StringOf((item as JsonObject)?["plain_text"])))
            : null,
        "select" => NotionFormats.StringOf((value as JsonObject)?["name"]),
        _ => NotionFormats.StringOf(value),
    };

    public static decimal? Number(JsonNode? value) =>
        value is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? number.GetValue<decimal>() : null;

    public static bool? Checkbox(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static string? DateStart(JsonNode? value) => NotionFormats.StringOf((value as JsonObject)?["start"]);

    public static DateTimeOffset? DateInstant(JsonNode? value) =>
        NotionFormats.TryParseDate(DateStart(value), out var instant, out _) ? instant : null;

    /// <summary>The option names of a multi-select value.</summary>
    public static IEnumerable<string> Names(JsonNode? value) => value is JsonArray options
        ? options.Select(option => NotionFormats.StringOf((option as JsonObject)?["name"])).OfType<string>()
        : [];
}
