using System.Globalization;
using System.Text.Json.Nodes;

namespace Christmas.Core.Notion.Client;

/// <summary>
/// Property values in the shapes Notion's pages API takes, cut to its limits: rich text in items of
/// at most 2,000 characters (100 items at most), an email of 200, a select name of 100 without commas.
/// A null value clears the property.
/// </summary>
public static class NotionValues
{
    public const int MaxTextItem = 2000;
    public const int MaxTextItems = 100;
    public const int MaxEmail = 200;
    public const int MaxSelect = 100;

    /// <summary>The value for a property of <paramref name="type"/>; null when we cannot write that type.</summary>
    public static JsonObject? Of(string type, object? value) => type switch
    {
        "title" => new JsonObject { ["title"] = TextItems(Text(value)) },
        "rich_text" => new JsonObject { ["rich_text"] = TextItems(Text(value)) },
        "email" => new JsonObject { ["email"] = Text(value) is { Length: > 0 } e ? Cut(e, MaxEmail) : null },
        "number" => new JsonObject { ["number"] = Number(value) is { } n ? JsonValue.Create(n) : null },
        "select" => new JsonObject { ["select"] = Text(value) is { Length: > 0 } s ? new JsonObject { ["name"] = Cut(s.Replace(',', ' '), MaxSelect) } : null },
        "date" => new JsonObject { ["date"] = value is DateTime d ? new JsonObject { ["start"] = Iso(d), ["end"] = null } : null },
        "checkbox" => new JsonObject { ["checkbox"] = value is true },
        _ => null,
    };

    /// <summary>A text split into items Notion accepts; the 100-item cap cuts a text over 200,000 characters.</summary>
    public static JsonArray TextItems(string? text)
    {
        var items = new JsonArray();
        if (string.IsNullOrEmpty(text)) return items;
        for (var start = 0; start < text.Length && items.Count < MaxTextItems;)
        {
            var length = Math.Min(MaxTextItem, text.Length - start);
            // Never split a surrogate pair: Notion counts characters, and half an emoji is not one.
            if (length == MaxTextItem && char.IsHighSurrogate(text[start + length - 1])) length--;
            items.Add(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text.Substring(start, length) } });
            start += length;
        }
        return items;
    }

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static decimal? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double x => (decimal)x,
        _ => null,
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
