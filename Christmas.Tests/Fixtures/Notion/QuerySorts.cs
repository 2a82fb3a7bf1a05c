using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A query's <c>sorts</c>. Without any, pages come newest first (created_time descending), as Notion
/// answers. Timestamp sorts and property sorts are supported; empty values sort last either way.
/// </summary>
internal static class QuerySorts
{
    public static IReadOnlyList<StoredPage> Order(IEnumerable<StoredPage> pages, JsonNode? sorts, StandInDataSource source)
    {
        // Pages arrive in creation order; reversed first so equal created_times also keep the newest first.
        IEnumerable<StoredPage> ordered = pages.Reverse().OrderByDescending(p => p.CreatedTime).ToList();
        if (sorts is null) return (IReadOnlyList<StoredPage>)ordered;
        if (sorts is not JsonArray list) throw NotionError.Validation("body failed validation: body.sorts should be an array.");
        // OrderBy is stable: applying the sorts last to first leaves the first one leading.
        foreach (var sort in list.Reverse()) ordered = Apply(ordered, sort as JsonObject, source).ToList();
        return (IReadOnlyList<StoredPage>)ordered;
    }

    private static IEnumerable<StoredPage> Apply(IEnumerable<StoredPage> pages, JsonObject? sort, StandInDataSource source)
    {
        var descending = NotionFormats.StringOf(sort?["direction"]) switch
        {
            "ascending" => false,
            "descending" => true,
            var other => throw NotionError.Validation($"body failed validation: body.sorts[].direction should be `ascending` or `descending`, instead was `{other}`."),
        };
        return pages.OrderBy(Key(sort, source), new KeyComparer(descending));
    }

    private static Func<StoredPage, IComparable?> Key(JsonObject? sort, StandInDataSource source)
    {
        if (NotionFormats.StringOf(sort?["timestamp"]) is { } timestamp)
            return timestamp switch
            {
                "created_time" => page => page.CreatedTime,
                "last_edited_time" => page => page.LastEditedTime,
                _ => throw NotionError.Validation($"body failed validation: body.sorts[].timestamp should be `created_time` or `last_edited_time`, instead was `{timestamp}`."),
            };
        if (NotionFormats.StringOf(sort?["property"]) is { } name)
        {
            var property = source.Find(name) ?? throw NotionError.Validation($"Could not find sort property with name or id: {name}");
            return page => PropertyKey(property, page.ValueOf(property));
        }
        throw NotionError.Validation("body failed validation: each of body.sorts should name a `property` or a `timestamp`.");
    }

    private static IComparable? PropertyKey(SchemaProperty property, JsonNode? value) => property.Type switch
    {
        "number" => PropertyReaders.Number(value),
        "checkbox" => PropertyReaders.Checkbox(value),
        "date" => PropertyReaders.DateInstant(value),
        "multi_select" => PropertyReaders.Names(value).FirstOrDefault(),
        _ => PropertyReaders.Text(property.Type, value) is { Length: > 0 } text ? text : null,
    };

    private sealed class KeyComparer(bool descending) : IComparer<IComparable?>
    {
        public int Compare(IComparable? x, IComparable? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            (string a, string b) => Directed(string.CompareOrdinal(a, b)),
            _ => Directed(x.CompareTo(y)),
        };

        private int Directed(int comparison) => descending ? -comparison : comparison;
    }
}
