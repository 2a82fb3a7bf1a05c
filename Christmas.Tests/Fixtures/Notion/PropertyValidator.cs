using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// Checks REQUEST-shaped property values against a data source's schema and turns them into the
/// RESPONSE shape, refusing what Notion refuses (unknown name, wrong shape, size limits) with its messages.
/// Pure: nothing is saved here, so a refused request changes nothing.
/// </summary>
internal static class PropertyValidator
{
    private const int MaxEmail = 200;
    private const int MaxOptions = 100;

    public static List<(SchemaProperty Property, JsonObject Value)> Convert(StandInDataSource source, JsonObject properties) =>
        properties.Select(pair =>
        {
            var property = source.Find(pair.Key) ?? throw NotionError.Validation($"{pair.Key} is not a property that exists.");
            return (property, property.Value(Inner(property, pair.Value)));
        }).ToList();

    public static NotionError Expected(SchemaProperty property) =>
        NotionError.Validation($"{property.Name} is expected to be {property.Type}.");

    private static JsonNode? Inner(SchemaProperty property, JsonNode? value)
    {
        if (value is not JsonObject wrapper || !wrapper.TryGetPropertyValue(property.Type, out var inner)) throw Expected(property);
        return property.Type switch
        {
            "title" or "rich_text" => RichText.Parse(property, inner),
            "email" => Email(property, inner),
            "number" => inner is null || inner.GetValueKind() == JsonValueKind.Number ? inner?.DeepClone() : throw Expected(property),
            "checkbox" => PropertyReaders.Checkbox(inner) is { } ticked ? ticked : throw Expected(property),
            "select" => inner is null ? null : Option(property, inner),
            "multi_select" => MultiSelect(property, inner),
            "date" => inner is null ? null : Date(property, inner),
            _ => throw new InvalidOperationException($"No validation for {property.Type}."),
        };
    }

    private static JsonNode? Email(SchemaProperty property, JsonNode? inner)
    {
        if (inner is null) return null;
        var email = NotionFormats.StringOf(inner) ?? throw Expected(property);
        return email.Length <= MaxEmail ? email
            : throw NotionError.Validation($"body failed validation: body.properties.{property.Name}.email.length should be ≤ `{MaxEmail}`, instead was `{email.Length}`.");
    }

    /// <summary>By id (must exist) or by name (a new name is allowed: Notion adds the option).</summary>
    private static JsonObject Option(SchemaProperty property, JsonNode inner)
    {
        if (inner is not JsonObject o) throw Expected(property);
        if (NotionFormats.StringOf(o["id"]) is { } id)
            return (property.Options.FirstOrDefault(x => x.Id == id)
                ?? throw NotionError.Validation($"Select option with id {id} does not exist for {property.Name}.")).ToJson();
        var name = NotionFormats.StringOf(o["name"]) ?? throw Expected(property);
        return (property.Options.FirstOrDefault(x => x.Name == name) ?? new SelectOption(SchemaProperty.NewOptionId(), name)).ToJson();
    }

    private static JsonArray MultiSelect(SchemaProperty property, JsonNode? inner)
    {
        if (inner is not JsonArray options) throw Expected(property);
        if (options.Count > MaxOptions)
            throw NotionError.Validation($"body failed validation: body.properties.{property.Name}.multi_select.length should be ≤ `{MaxOptions}`, instead was `{options.Count}`.");
        return new JsonArray(options.Select(o => (JsonNode)Option(property, o ?? throw Expected(property))).ToArray());
    }

    private static JsonObject Date(SchemaProperty property, JsonNode inner)
    {
        if (inner is not JsonObject o) throw Expected(property);
        var start = NotionFormats.StringOf(o["start"]);
        var end = o["end"] is null ? null : NotionFormats.StringOf(o["end"]) ?? "";
        if (!NotionFormats.TryParseDate(start, out _, out _) || (end is not null && !NotionFormats.TryParseDate(end, out _, out _)))
            throw NotionError.Validation($"body failed validation: body.properties.{property.Name}.date.start and .end should be ISO 8601 dates (end may be null).");
        return new JsonObject { ["start"] = start, ["end"] = end, ["time_zone"] = NotionFormats.StringOf(o["time_zone"]) };
    }
}
