using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// <c>POST /v1/data_sources/{id}/query</c>: filter, sort, then one page of at most <c>page_size</c>
/// (default and max 100). The cursor is the id of the next page in that order; trashed pages never show.
/// </summary>
internal static class DataSourceQuery
{
    private const int MaxPageSize = 100;

    public static JsonObject Run(StandInDataSource source, JsonObject body)
    {
        var pageSize = PageSize(body["page_size"]);
        var matches = QueryFilter.Parse(body["filter"], source);
        var ordered = QuerySorts.Order(source.Pages.Where(p => !p.InTrash && matches(p)), body["sorts"], source);
        var start = Start(body["start_cursor"], ordered);
        var results = ordered.Skip(start).Take(pageSize).Select(p => (JsonNode)p.ToJson()).ToArray();
        var hasMore = start + results.Length < ordered.Count;
        return new JsonObject
        {
            ["object"] = "list",
            ["results"] = new JsonArray(results),
            ["next_cursor"] = hasMore ? ordered[start + results.Length].Id : null,
            ["has_more"] = hasMore,
            ["type"] = "page_or_data_source",
            ["page_or_data_source"] = new JsonObject(),
        };
    }

    private static int PageSize(JsonNode? node)
    {
        if (node is null) return MaxPageSize;
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var size))
            throw NotionError.Validation("body failed validation: body.page_size should be an integer.");
        return size switch
        {
            > MaxPageSize => throw NotionError.Validation($"body failed validation: body.page_size should be ≤ `{MaxPageSize}`, instead was `{size}`."),
            < 1 => throw NotionError.Validation($"body failed validation: body.page_size should be ≥ `1`, instead was `{size}`."),
            _ => size,
        };
    }

    private static int Start(JsonNode? cursor, IReadOnlyList<StoredPage> ordered)
    {
        if (cursor is null) return 0;
        var id = NotionFormats.StringOf(cursor);
        var index = id is null ? -1 : ordered.ToList().FindIndex(p => p.Id == id);
        return index >= 0 ? index : throw NotionError.Validation($"The start_cursor provided is invalid: {cursor.ToJsonString()}");
    }
}
