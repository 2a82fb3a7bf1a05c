using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>Title and rich-text arrays: request items checked against Notion's size limits, answered in the response shape.</summary>
internal static class RichText
{
    private const int MaxItems = 100;
    private const int MaxContent = 2000;
    private const int MaxUrl = 2000;
    private static readonly string[] AnnotationNames = ["bold", "italic", "strikethrough", "underline", "code", "color"];

    public static JsonObject Item(string content, string? url = null, JsonObject? annotations = null) => new()
    {
        ["type"] = "text",
        ["text"] = new JsonObject { ["content"] = content, ["link"] = url is null ? null : new JsonObject { ["url"] = url } },
        ["annotations"] = Annotations(annotations),
        ["plain_text"] = content,
        ["href"] = url,
    };

    public static JsonArray Parse(SchemaProperty property, JsonNode? value)
    {
        var path = $"body.properties.{property.Name}.{property.Type}";
        if (value is not JsonArray items) throw PropertyValidator.Expected(property);
        if (items.Count > MaxItems) throw TooLong($"{path}.length", MaxItems, items.Count);
        return new JsonArray(items.Select((item, i) => (JsonNode)ParseItem(property, item, $"{path}[{i}]")).ToArray());
    }

    private static JsonObject ParseItem(SchemaProperty property, JsonNode? item, string path)
    {
        if (item is JsonObject typed && NotionFormats.StringOf(typed["type"]) is { } type && type != "text")
            throw NotionError.Validation($"body failed validation: {path}.type is `{type}`; the stand-in keeps only `text` rich text.");
        if (item is not JsonObject o || o["text"] is not JsonObject text || NotionFormats.StringOf(text["content"]) is not { } content)
            throw PropertyValidator.Expected(property);
        if (content.Length > MaxContent) throw TooLong($"{path}.text.content.length", MaxContent, content.Length);
        var url = text["link"] switch
        {
            null => null,
            JsonObject link when NotionFormats.StringOf(link["url"]) is { } linked => linked,
            _ => throw NotionError.Validation($"body failed validation: {path}.text.link should be an object with a `url`, or null."),
        };
        if (url?.Length > MaxUrl) throw TooLong($"{path}.text.link.url.length", MaxUrl, url.Length);
        return Item(content, url, o["annotations"] as JsonObject);
    }

    /// <summary>Notion's defaults, overridden by whatever annotations the request sent.</summary>
    private static JsonObject Annotations(JsonObject? sent) => new(AnnotationNames.Select(name => KeyValuePair.Create(name,
        sent?[name]?.DeepClone() ?? (name == "color" ? JsonValue.Create("default") : (JsonNode?)JsonValue.Create(false)))));

    private static NotionError TooLong(string path, int limit, int actual) =>
        NotionError.Validation($"body failed validation: {path} should be ≤ `{limit}`, instead was `{actual}`.");
}
