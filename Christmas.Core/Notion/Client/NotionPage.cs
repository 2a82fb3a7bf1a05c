using System.Globalization;
using System.Text.Json;

namespace Christmas.Core.Notion.Client;

/// <summary>A page as Notion answers it, with readers for the property values we use.</summary>
public sealed record NotionPage(string Id, string? Url, bool InTrash, DateTimeOffset CreatedTime, DateTimeOffset LastEditedTime, JsonElement Properties)
{
    public static NotionPage Parse(JsonElement page) => new(
        page.GetProperty("id").GetString()!,
        page.TryGetProperty("url", out var url) ? url.GetString() : null,
        (page.TryGetProperty("in_trash", out var trash) && trash.ValueKind == JsonValueKind.True)
            || (page.TryGetProperty("archived", out var archived) && archived.ValueKind == JsonValueKind.True),
        Time(page, "created_time"),
        Time(page, "last_edited_time"),
        page.TryGetProperty("properties", out var p) ? p.Clone() : default);

    /// <summary>The text of the page's title property, whatever its name.</summary>
    public string? TitleText() =>
        Properties.ValueKind == JsonValueKind.Object
            ? Properties.EnumerateObject().Where(p => TypeOf(p.Value) == "title").Select(p => JoinText(p.Value, "title")).FirstOrDefault()
            : null;

    /// <summary>Title or rich text: every item's plain text joined (long texts come split in 2,000-character items).</summary>
    public string? Text(string property) => Find(property) is { } v && TypeOf(v) is "title" or "rich_text" ? JoinText(v, TypeOf(v)!) : null;

    public string? Email(string property) => Find(property) is { } v && v.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    public decimal? Number(string property) => Find(property) is { } v && v.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDecimal() : null;

    public string? Select(string property) =>
        Find(property) is { } v && v.TryGetProperty("select", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("name", out var name)
            ? name.GetString() : null;

    public DateTimeOffset? Date(string property) =>
        Find(property) is { } v && v.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("start", out var start) && DateTimeOffset.TryParse(start.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;

    /// <summary>A property by name, case-insensitively (the team may have typed "email" or "Email").</summary>
    private JsonElement? Find(string property)
    {
        if (Properties.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in Properties.EnumerateObject())
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static string? TypeOf(JsonElement value) => value.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static string JoinText(JsonElement value, string type) =>
        value.TryGetProperty(type, out var items) && items.ValueKind == JsonValueKind.Array
            ? string.Concat(items.EnumerateArray().Select(i => i.TryGetProperty("plain_text", out var t) ? t.GetString()
                : i.TryGetProperty("text", out var x) && x.TryGetProperty("content", out var c) ? c.GetString() : ""))
            : "";

    private static DateTimeOffset Time(JsonElement page, string name) =>
        page.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(t.GetString()!, CultureInfo.InvariantCulture) : default;
}
