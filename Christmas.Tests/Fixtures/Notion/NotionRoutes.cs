using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>The endpoints under /v1, matched by method and path; anything else is Notion's invalid_request_url.</summary>
internal static class NotionRoutes
{
    /// <summary>Writes are what <see cref="NotionStandIn.SaveThenFailNext"/> waits for.</summary>
    public static bool IsWrite(string method, string path) =>
        (method, Segments(path)) is ("POST", ["v1", "pages"]) or ("PATCH", ["v1", "pages", _]);

    public static JsonNode Dispatch(StandInStore store, string method, string path, string body) => (method, Segments(path)) switch
    {
        ("GET", ["v1", "databases", var id]) => store.Database(NotionFormats.ParseId(id, "path failed validation: path.database_id")),
        ("GET", ["v1", "data_sources", var id]) => store.DataSource(NotionFormats.ParseId(id, "path failed validation: path.data_source_id")),
        ("POST", ["v1", "data_sources", var id, "query"]) =>
            store.Query(NotionFormats.ParseId(id, "path failed validation: path.data_source_id"), Body(body)),
        ("POST", ["v1", "pages"]) => store.CreatePage(Body(body)),
        ("GET", ["v1", "pages", var id]) => store.Page(NotionFormats.ParseId(id, "path failed validation: path.page_id")),
        ("PATCH", ["v1", "pages", var id]) => store.UpdatePage(NotionFormats.ParseId(id, "path failed validation: path.page_id"), Body(body)),
        _ => throw new NotionError(400, "invalid_request_url", "Invalid request URL."),
    };

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An empty body reads as <c>{}</c> (a query without filter); anything but an object is refused.</summary>
    private static JsonObject Body(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new JsonObject();
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(body); }
        catch (JsonException) { throw new NotionError(400, "invalid_json", "Error parsing JSON body."); }
        return parsed as JsonObject ?? throw NotionError.Validation("body failed validation: body should be an object.");
    }
}
