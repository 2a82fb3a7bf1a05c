using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A query's <c>filter</c> turned into a predicate, checked against the schema up front (unknown
/// property → validation_error). Property filters (the condition key must be the property's type),
/// timestamp filters (created_time / last_edited_time) and <c>and</c>/<c>or</c> compounds. Text equals is
/// case-sensitive and exact, like Notion's.
/// </summary>
internal static class QueryFilter
{
    public static Func<StoredPage, bool> Parse(JsonNode? filter, StandInDataSource source)
    {
        if (filter is null) return _ => true;
        if (filter is not JsonObject o) throw Invalid("body.filter should be an object.");
        if (o["and"] is JsonArray all)
        {
            var parts = all.Select(f => Parse(f ?? throw Invalid("body.filter.and[] should not be null."), source)).ToList();
            return page => parts.All(part => part(page));
        }
        if (o["or"] is JsonArray any)
        {
            var parts = any.Select(f => Parse(f ?? throw Invalid("body.filter.or[] should not be null."), source)).ToList();
            return page => parts.Any(part => part(page));
        }
        if (NotionFormats.StringOf(o["timestamp"]) is { } timestamp) return Timestamp(timestamp, o);
        if (NotionFormats.StringOf(o["property"]) is { } name)
            return Property(source.Find(name) ?? throw Invalid($"Could not find property with name or id: {name}"), o);
        throw Invalid("body.filter should be a property filter, a timestamp filter, or an `and`/`or` of filters.");
    }

    private static Func<StoredPage, bool> Property(SchemaProperty property, JsonObject filter)
    {
        var (op, operand) = Condition(filter[property.Type], $"body.filter.{property.Type} (the type of {property.Name})");
        return property.Type switch
        {
            "number" => FilterConditions.Number(op, operand, page => PropertyReaders.Number(page.ValueOf(property))),
            "checkbox" => FilterConditions.Checkbox(op, operand, page => PropertyReaders.Checkbox(page.ValueOf(property))),
            "date" => FilterConditions.Date(op, operand, page => PropertyReaders.DateStart(page.ValueOf(property))),
            "multi_select" => FilterConditions.Names(op, operand, page => PropertyReaders.Names(page.ValueOf(property))),
            _ => FilterConditions.Text(op, operand, page => PropertyReaders.Text(property.Type, page.ValueOf(property))),
        };
    }

    private static Func<StoredPage, bool> Timestamp(string timestamp, JsonObject filter)
    {
        Func<StoredPage, DateTimeOffset> read = timestamp switch
        {
            "created_time" => page => page.CreatedTime,
            "last_edited_time" => page => page.LastEditedTime,
            _ => throw Invalid($"body.filter.timestamp should be `created_time` or `last_edited_time`, instead was `{timestamp}`."),
        };
        var (op, operand) = Condition(filter[timestamp], $"body.filter.{timestamp}");
        return FilterConditions.Date(op, operand, page => NotionFormats.Timestamp(read(page)));
    }

    /// <summary>A condition object holds exactly one operator: <c>{"equals": x}</c>.</summary>
    private static (string Op, JsonNode? Operand) Condition(JsonNode? condition, string path) =>
        condition is JsonObject { Count: 1 } o ? (o.First().Key, o.First().Value)
            : throw Invalid($"body failed validation: {path} should be an object with one condition, like {{\"equals\": …}}.");

    private static NotionError Invalid(string message) => NotionError.Validation(message);
}
