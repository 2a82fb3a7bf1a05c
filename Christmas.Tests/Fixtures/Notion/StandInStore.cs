using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// Databases, data sources and pages behind one lock: set-up calls from tests and concurrent requests
/// see each other's changes whole. Endpoint methods answer JSON or throw <see cref="NotionError"/>.
/// </summary>
internal sealed class StandInStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StandInDataSource> _byDatabase = [];
    private readonly Dictionary<string, StandInDataSource> _bySource = [];
    private readonly Dictionary<string, StoredPage> _pages = [];

    public string AddDatabase(string title, IReadOnlyDictionary<string, string> properties)
    {
        var source = new StandInDataSource(NotionFormats.NewId(), NotionFormats.NewId(), title, SchemaProperty.Schema(properties));
        lock (_lock)
        {
            _byDatabase.Add(source.DatabaseId, source);
            _bySource.Add(source.Id, source);
        }
        return source.DatabaseId;
    }

    public string DataSourceIdOf(string databaseId) { lock (_lock) return SetUpDatabase(databaseId).Id; }

    public string AddPage(string databaseId, JsonObject properties, DateTimeOffset createdTime)
    {
        // Through text, so seeded values are held exactly like parsed request bodies.
        var parsed = JsonNode.Parse(properties.ToJsonString())!.AsObject();
        lock (_lock)
        {
            try { return Create(SetUpDatabase(databaseId), parsed, createdTime).Id; }
            catch (NotionError refused) { throw new ArgumentException(refused.Message, nameof(properties), refused); }
        }
    }

    public void TrashPage(string pageId) { lock (_lock) SetUpPage(pageId).InTrash = true; }

    public void DeletePage(string pageId)
    {
        lock (_lock)
        {
            var page = SetUpPage(pageId);
            _pages.Remove(page.Id);
            page.Source.Pages.Remove(page);
        }
    }

    public IReadOnlyList<StandInPage> Pages(string databaseId, bool includeTrashed)
    {
        lock (_lock) return SetUpDatabase(databaseId).Pages.Where(p => includeTrashed || !p.InTrash).Select(p => p.ToSnapshot()).ToList();
    }

    public JsonNode Database(string id)
    {
        lock (_lock) return (_byDatabase.GetValueOrDefault(id) ?? throw NotionError.NotFound("database", id)).DatabaseJson();
    }

    public JsonNode DataSource(string id) { lock (_lock) return Source(id).DataSourceJson(); }

    public JsonNode Query(string dataSourceId, JsonObject body) { lock (_lock) return DataSourceQuery.Run(Source(dataSourceId), body); }

    public JsonNode Page(string id) { lock (_lock) return Known(id).ToJson(); }

    public JsonNode CreatePage(JsonObject body)
    {
        var dataSourceId = ParentDataSource(body);
        var properties = PropertiesOf(body);
        lock (_lock) return Create(Source(dataSourceId), properties, DateTimeOffset.UtcNow).ToJson();
    }

    public JsonNode UpdatePage(string id, JsonObject body)
    {
        var trash = TrashFlag(body);
        var properties = PropertiesOf(body);
        lock (_lock)
        {
            var page = Known(id);
            if (page.InTrash && trash != false && properties is { Count: > 0 })
                throw NotionError.Validation("Can't edit block that is archived. You must unarchive the block before editing.");
            var values = properties is null ? [] : PropertyValidator.Convert(page.Source, properties);
            page.Set(values);
            Remember(values);
            if (trash is { } inTrash) page.InTrash = inTrash;
            page.LastEditedTime = DateTimeOffset.UtcNow;
            return page.ToJson();
        }
    }

    private StoredPage Create(StandInDataSource source, JsonObject? properties, DateTimeOffset createdTime)
    {
        var values = properties is null ? [] : PropertyValidator.Convert(source, properties);
        var page = new StoredPage(NotionFormats.NewId(), source, createdTime);
        page.Set(values);
        Remember(values);
        source.Pages.Add(page);
        _pages.Add(page.Id, page);
        return page;
    }

    private static void Remember(List<(SchemaProperty Property, JsonObject Value)> values)
    {
        foreach (var (property, value) in values) property.Remember(value);
    }

    private static string ParentDataSource(JsonObject body)
    {
        if (body["parent"] is not JsonObject parent)
            throw NotionError.Validation("body failed validation: body.parent should be defined, instead was `undefined`.");
        if (parent["data_source_id"] is null && parent["database_id"] is not null)
            throw NotionError.Validation("With Notion-Version 2025-09-03 a page's parent is a data source: send " +
                "{\"type\":\"data_source_id\",\"data_source_id\":\"…\"} (GET /v1/databases/{id} lists its data_sources), not database_id.");
        var id = NotionFormats.StringOf(parent["data_source_id"])
            ?? throw NotionError.Validation("body failed validation: body.parent.data_source_id should be defined (the stand-in only creates pages in data sources).");
        return NotionFormats.ParseId(id, "body failed validation: body.parent.data_source_id");
    }

    private static JsonObject? PropertiesOf(JsonObject body) => body["properties"] switch
    {
        null => null,
        JsonObject properties => properties,
        _ => throw NotionError.Validation("body failed validation: body.properties should be an object."),
    };

    /// <summary>`archived` is still accepted on 2025-09-03 (rejected from 2026-03-11); `in_trash` wins.</summary>
    private static bool? TrashFlag(JsonObject body) => (body["in_trash"] ?? body["archived"]) switch
    {
        null => null,
        var flag => PropertyReaders.Checkbox(flag) ?? throw NotionError.Validation("body failed validation: body.in_trash should be a boolean."),
    };

    private StandInDataSource Source(string id) => _bySource.GetValueOrDefault(id) ?? throw NotionError.NotFound("data_source", id);

    private StoredPage Known(string id) => _pages.GetValueOrDefault(id) ?? throw NotionError.NotFound("page", id);

    private StandInDataSource SetUpDatabase(string id) =>
        _byDatabase.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"The Notion stand-in has no database {id}.");

    private StoredPage SetUpPage(string id) =>
        _pages.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"The Notion stand-in has no page {id} (deleted, or never added).");
}
