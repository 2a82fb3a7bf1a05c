using System.Text.Json.Nodes;
using Christmas.Core.Notion.Client;

namespace Christmas.Core.Notion.Mapping;

/// <summary>
/// A configured database as we found it: its data source, its title property (found by type), and each
/// of our fields matched to a property case-insensitively. What is missing or has the wrong type is
/// listed and skipped; only the title and Email are needed to mirror at all.
/// </summary>
public sealed record DatabaseMapping(
    string Name, string? DatabaseId, string? DataSourceId, string? TitleProperty, IReadOnlyList<PropertyMapping> Properties, string? Error)
{
    public bool IsUsable => Error is null && DataSourceId is not null && TitleProperty is not null && Mapped("Email") is not null;

    public IReadOnlyList<string> MissingProperties => Properties.Where(p => !p.IsMapped).Select(p => p.Property).ToList();

    public static DatabaseMapping Unavailable(string name, string? databaseId, string error) => new(name, databaseId, null, null, [], error);

    /// <summary>The property <paramref name="field"/> is written to, with its type; null when not mapped.</summary>
    public (string Property, string Type)? Mapped(string field) =>
        Properties.FirstOrDefault(p => p.Field == field && p.IsMapped) is { } p ? (p.Found!, p.FoundType!) : null;

    /// <summary>The page's properties for these field values; unmapped fields are left out.</summary>
    public JsonObject Build(IReadOnlyDictionary<string, object?> values)
    {
        var properties = new JsonObject();
        foreach (var (field, value) in values)
            if (Mapped(field) is { } m && NotionValues.Of(m.Type, value) is { } json)
                properties[m.Property] = json;
        return properties;
    }

    /// <summary>A filter "field equals value" in the shape the property's type takes.</summary>
    public JsonObject? EqualsFilter(string field, string value) =>
        Mapped(field) is { } m
            ? new JsonObject { ["property"] = m.Property, [m.Type] = new JsonObject { ["equals"] = value } }
            : null;

    public static DatabaseMapping Resolve(string name, string databaseId, NotionDataSource source,
        IReadOnlyList<NotionField> fields, IReadOnlyDictionary<string, string> configured)
    {
        var title = source.Properties.FirstOrDefault(p => p.Value == "title").Key;
        var mappings = fields.Select(field =>
        {
            if (field.IsTitle)
                return new PropertyMapping(field.Name, title ?? field.DefaultProperty, "title", title, title is null ? null : "title",
                    title is null ? "missing (the data source has no title property)" : null);
            var wanted = configured.TryGetValue(field.Name, out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : field.DefaultProperty;
            var found = source.Properties.FirstOrDefault(p => string.Equals(p.Key, wanted, StringComparison.OrdinalIgnoreCase));
            if (found.Key is null) return new PropertyMapping(field.Name, wanted, field.Types[0], null, null, "missing");
            return field.Types.Contains(found.Value)
                ? new PropertyMapping(field.Name, wanted, field.Types[0], found.Key, found.Value, null)
                : new PropertyMapping(field.Name, wanted, field.Types[0], found.Key, found.Value, $"is {found.Value}, expected {string.Join(" or ", field.Types)}");
        }).ToList();
        return new DatabaseMapping(name, databaseId, source.Id, title, mappings, null);
    }
}
