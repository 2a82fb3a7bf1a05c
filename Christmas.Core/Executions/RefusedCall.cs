using System.Text;
using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>
/// A webhook call we refused, as recorded: the handler named in the URL, the status and reason, and
/// at most <see cref="MaxBodyBytes"/> of the body (never the key: it is a secret, right or wrong).
/// </summary>
public sealed record RefusedCall(
    string Handler, int Status, string Reason, byte[] BodyPrefix, bool BodyTruncated, string? ContentType, string? RemoteAddress, DateTime ReceivedAt)
{
    public const int MaxBodyBytes = 4 * 1024;
    private const int MaxHandlerLength = 100;
    private const int MaxReasonLength = 2000;

    public string Handler { get; } = Handler.Length > MaxHandlerLength ? Handler[..MaxHandlerLength] : Handler;
    public string Reason { get; } = Reason.Length > MaxReasonLength ? Reason[..MaxReasonLength] : Reason;

    /// <summary>The body as stored: the JSON itself when it is whole and parses, else its text as a JSON string.</summary>
    public string PayloadJson()
    {
        if (BodyPrefix.Length == 0) return "{}";
        if (!BodyTruncated)
        {
            try
            {
                using var parsed = JsonDocument.Parse(BodyPrefix);
                if (parsed.RootElement.ValueKind == JsonValueKind.Object) return Encoding.UTF8.GetString(BodyPrefix);
            }
            catch (JsonException) { }
        }
        // A cut body, a form post or a JSON array: its text (bad UTF-8 replaced), readable on the page.
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["body"] = Encoding.UTF8.GetString(BodyPrefix), ["truncated"] = BodyTruncated });
    }

    /// <summary>What the operator needs to find the caller.</summary>
    public string Details() =>
        $"Content-Type: {ContentType ?? "(none)"}; from {RemoteAddress ?? "unknown address"}; body {(BodyTruncated ? $"cut to its first {MaxBodyBytes} bytes" : $"{BodyPrefix.Length} bytes")}.";
}
