using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A database's one data source: its schema and its pages in creation order. The stand-in gives each
/// database exactly one, so the database is described from here too. Guarded by the store's lock.
/// </summary>
internal sealed class StandInDataSource(string id, string databaseId, string title, IReadOnlyList<SchemaProperty> properties)
{
    public string Id => id;
    public string DatabaseId => databaseId;
    public IReadOnlyList<SchemaProperty> Properties => properties;
    public List<StoredPage> Pages { get; } = [];

    /// <summary>Notion lets a request name a property by its name or by its id.</summary>
    public SchemaProperty? Find(string nameOrId) =>
        properties.FirstOrDefault(p => p.Name == nameOrId) ?? properties.FirstOrDefault(p => p.Id == nameOrId);

    public JsonObject DatabaseJson() => new()
    {
        ["object"] = "database",
        ["id"] = databaseId,
        ["title"] = Title(),
        ["data_sources"] = new JsonArray(new JsonObject { ["id"] = id, ["name"] = title }),
        ["in_trash"] = false,
    };

    public JsonObject DataSourceJson() => new()
    {
        ["object"] = "data_source",
        ["id"] = id,
        ["parent"] = new JsonObject { ["type"] = "database_id", ["database_id"] = databaseId },
        ["title"] = Title(),
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.ToJson()))),
        ["in_trash"] = false,
    };

    private JsonArray Title() => new(RichText.Item(title));
}
