using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A snapshot of a page as the stand-in holds it. <see cref="Properties"/> are in Notion's RESPONSE
/// shape (<c>{"id","type","&lt;type&gt;":value}</c>); the readers below spare tests from walking it.
/// </summary>
public sealed record StandInPage(string Id, string DataSourceId, JsonObject Properties, bool InTrash, DateTimeOffset CreatedTime, DateTimeOffset LastEditedTime)
{
    /// <summary>Title or rich text: all items' plain text joined ("" when empty); null for other types.</summary>
    public string? Text(string property) =>
        Read(property) is ({ } type and ("title" or "rich_text"), var value) ? PropertyReaders.Text(type, value) : null;

    public string? Email(string property) => Read(property) is ("email", var value) ? NotionFormats.StringOf(value) : null;

    public decimal? Number(string property) => Read(property) is ("number", var value) ? PropertyReaders.Number(value) : null;

    public string? Select(string property) => Read(property) is ("select", var value) ? PropertyReaders.Text("select", value) : null;

    public string? DateStart(string property) => Read(property) is ("date", var value) ? PropertyReaders.DateStart(value) : null;

    public bool? Checkbox(string property) => Read(property) is ("checkbox", var value) ? PropertyReaders.Checkbox(value) : null;

    private (string? Type, JsonNode? Value) Read(string property) =>
        Properties[property] is JsonObject held && NotionFormats.StringOf(held["type"]) is { } type ? (type, held[type]) : (null, null);
}
