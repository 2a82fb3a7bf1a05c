using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>A page as the store keeps it (mutable, guarded by the store's lock); properties in the response shape.</summary>
internal sealed class StoredPage(string id, StandInDataSource source, DateTimeOffset createdTime)
{
    public string Id => id;
    public StandInDataSource Source => source;
    public DateTimeOffset CreatedTime { get; } = createdTime;
    public DateTimeOffset LastEditedTime { get; set; } = createdTime;
    public bool InTrash { get; set; }

    // Every schema property is present from the start, empty, like Notion's answers.
    private readonly JsonObject _properties = new(source.Properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Empty())));

    public JsonNode? ValueOf(SchemaProperty property) => (_properties[property.Name] as JsonObject)?[property.Type];

    public void Set(IEnumerable<(SchemaProperty Property, JsonObject Value)> values)
    {
        foreach (var (property, value) in values) _properties[property.Name] = value;
    }

    public JsonObject ToJson() => new()
    {
        ["object"] = "page",
        ["id"] = id,
        ["created_time"] = NotionFormats.Timestamp(CreatedTime),
        ["last_edited_time"] = NotionFormats.Timestamp(LastEditedTime),
        ["in_trash"] = InTrash,
        ["parent"] = new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = source.Id, ["database_id"] = source.DatabaseId },
        ["properties"] = _properties.DeepClone(),
        ["url"] = $"https://www.notion.so/{id.Replace("-", "")}",
    };

    // A deep copy, so tests never read JSON a concurrent request is changing.
    public StandInPage ToSnapshot() => new(id, source.Id, _properties.DeepClone().AsObject(), InTrash, CreatedTime, LastEditedTime);
}
