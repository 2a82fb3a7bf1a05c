using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>An option of a select or multi-select property.</summary>
internal sealed record SelectOption(string Id, string Name, string Color = "default")
{
    public JsonObject ToJson() => new() { ["id"] = Id, ["name"] = Name, ["color"] = Color };

    public static SelectOption From(JsonObject option) => new(
        NotionFormats.StringOf(option["id"]) ?? "", NotionFormats.StringOf(option["name"]) ?? "", NotionFormats.StringOf(option["color"]) ?? "default");
}
