using System.Text.Json;

namespace Christmas.Core.Common;

/// <summary>Reads JSON strings that may hold escapes .NET cannot represent (a lone "\uD800"), without throwing.</summary>
public static class JsonText
{
    public static bool TryGetString(JsonElement value, out string text)
    {
        text = "";
        if (value.ValueKind != JsonValueKind.String) return false;
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
