using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Christmas.Core.Webhooks;

/// <summary>
/// Turns a form's text values into the JSON object the webhook would receive, so the webhook's own
/// validator judges it: numbers for counts and amounts when they parse (else the text, which the
/// validator rejects with its own message), strings otherwise, empty fields left out.
/// </summary>
public static class TriggerBody
{
    public static JsonElement From(HandlerDefinition handler, IReadOnlyDictionary<string, string?> values)
    {
        var body = new JsonObject();
        foreach (var field in handler.Fields)
        {
            var text = values.GetValueOrDefault(field.Name);
            if (string.IsNullOrWhiteSpace(text)) continue;
            body[field.Name] = field.Kind is FieldKind.Count or FieldKind.Amount or FieldKind.Integer
                && decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text);
        }
        return JsonSerializer.SerializeToElement(body);
    }
}
