using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>One property of a data source's schema: name, Notion's short id, type and (select) options.</summary>
internal sealed class SchemaProperty(string name, string id, string type)
{
    public static readonly string[] Types = ["title", "rich_text", "email", "number", "select", "multi_select", "date", "checkbox"];
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public string Name => name;
    public string Id => id;
    public string Type => type;
    public List<SelectOption> Options { get; } = [];

    public static IReadOnlyList<SchemaProperty> Schema(IReadOnlyDictionary<string, string> properties)
    {
        var unknown = properties.FirstOrDefault(p => !Types.Contains(p.Value));
        if (unknown.Key is not null)
            throw new ArgumentException($"{unknown.Key}: the stand-in knows no property type \"{unknown.Value}\" (it knows {string.Join(", ", Types)}).", nameof(properties));
        // Notion gives every data source exactly one title property.
        if (properties.Count(p => p.Value == "title") != 1)
            throw new ArgumentException("A Notion data source has exactly one title property.", nameof(properties));
        var taken = new HashSet<string> { "title" };
        return properties.Select(p => new SchemaProperty(p.Key, p.Value == "title" ? "title" : ShortId(taken), p.Value)).ToList();
    }

    /// <summary>Like GET /v1/data_sources/{id}: <c>{"id","name","type","&lt;type&gt;":{}}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["type"] = type,
        [type] = type is "select" or "multi_select"
            ? new JsonObject { ["options"] = new JsonArray(Options.Select(o => (JsonNode)o.ToJson()).ToArray()) }
            : new JsonObject(),
    };

    /// <summary>A value in the response shape: <c>{"id","type","&lt;type&gt;":inner}</c>.</summary>
    public JsonObject Value(JsonNode? inner) => new() { ["id"] = id, ["type"] = type, [type] = inner };

    /// <summary>What Notion answers for a property nobody set: [] / null / false.</summary>
    public JsonObject Empty() => Value(type switch
    {
        "title" or "rich_text" or "multi_select" => new JsonArray(),
        "checkbox" => false,
        _ => null,
    });

    /// <summary>A saved select value naming a new option adds it to the schema, as Notion does.</summary>
    public void Remember(JsonObject value)
    {
        IEnumerable<JsonObject> named = value[type] switch
        {
            JsonObject one when type == "select" => [one],
            JsonArray many when type == "multi_select" => many.OfType<JsonObject>(),
            _ => [],
        };
        foreach (var option in named.Select(SelectOption.From))
            if (Options.All(o => o.Name != option.Name)) Options.Add(option);
    }

    public static string NewOptionId() => RandomNumberGenerator.GetString(IdAlphabet, 4);

    private static string ShortId(HashSet<string> taken)
    {
        string id;
        do id = RandomNumberGenerator.GetString(IdAlphabet, 4);
        while (!taken.Add(id));
        return id;
    }
}
