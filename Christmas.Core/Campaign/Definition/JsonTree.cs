using System.Text;
using System.Text.Json;

namespace Christmas.Core.Campaign.Definition;

/// <summary>JSON text to and from the <see cref="DefinitionNode"/> tree. JSON has no line numbers but for a syntax error.</summary>
internal static class JsonTree
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static DefinitionNode? Parse(string text, out DefinitionError? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return From(document.RootElement);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            error = new DefinitionError("", $"Not valid JSON: {ex.Message}", line);
            return null;
        }
    }

    public static string Write(DefinitionNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            Write(writer, root);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static DefinitionNode From(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new MapNode(e.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, From(p.Value))).ToList()),
        JsonValueKind.Array => new ListNode(e.EnumerateArray().Select(From).ToList()),
        JsonValueKind.String => new ScalarNode(e.GetString(), ScalarType.String),
        JsonValueKind.Number => new ScalarNode(e.GetRawText(), ScalarType.Number),
        JsonValueKind.True or JsonValueKind.False => new ScalarNode(e.GetRawText(), ScalarType.Bool),
        _ => ScalarNode.Null,
    };

    private static void Write(Utf8JsonWriter writer, DefinitionNode node)
    {
        switch (node)
        {
            case MapNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case ListNode list:
                writer.WriteStartArray();
                foreach (var item in list.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case ScalarNode { Type: ScalarType.Null }:
                writer.WriteNullValue();
                break;
            case ScalarNode { Type: ScalarType.Bool or ScalarType.Number } raw:
                writer.WriteRawValue(raw.Text!);
                break;
            case ScalarNode text:
                writer.WriteStringValue(text.Text);
                break;
        }
    }
}
