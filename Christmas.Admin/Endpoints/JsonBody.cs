using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;
using Christmas.Core.Executions;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// A request's JSON body, read with the webhook rules: at most 64 KiB (413), a JSON content type
/// (415), UTF-8 (400), parsable JSON (400). Either <see cref="Root"/> or <see cref="Error"/> is set.
/// </summary>
public sealed class JsonBody : IDisposable
{
    public const int MaxBytes = Execution.MaxPayloadBytes;
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    private readonly JsonDocument? _document;

    private JsonBody(JsonDocument? document, IResult? error, byte[]? refusedPrefix = null, bool truncated = false)
    {
        _document = document;
        Error = error;
        RefusedPrefix = refusedPrefix;
        RefusedTruncated = truncated;
    }

    public IResult? Error { get; }
    /// <summary>When the body was read and refused: its first <see cref="RefusedCall.MaxBodyBytes"/> bytes, kept for the refused call's record.</summary>
    public byte[]? RefusedPrefix { get; }
    public bool RefusedTruncated { get; }
    public JsonElement Root => _document!.RootElement;

    /// <param name="maxBytes">The limit; <see cref="MaxBytes"/> (the webhooks') unless an endpoint takes more (a simulation's list of calls).</param>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes)
    {
        if (!IsJson(request.ContentType))
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", "Send the body as JSON with Content-Type: application/json.");
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = await ReadUpToAsync(request.Body, buffer, maxBytes, ct);
            if (length > maxBytes) return TooLarge(maxBytes, buffer, length);
            if (length == 0) return Fail(StatusCodes.Status400BadRequest, "Bad Request", "The body is empty; send a JSON object.");
            // The parser checks UTF-8 only when it decodes a string, so a bad byte in a name or in the raw text kept for the execution would surface later as a 500.
            if (!Utf8.IsValid(buffer.AsSpan(0, length)))
                return Fail(StatusCodes.Status400BadRequest, "Bad Request", "The body is not valid UTF-8.", buffer, length);
            try
            {
                return new JsonBody(JsonDocument.Parse(buffer.AsMemory(0, length), ParseOptions), null);
            }
            catch (JsonException ex)
            {
                return Fail(StatusCodes.Status400BadRequest, "Bad Request", $"The body is not valid JSON: {ex.Message}", buffer, length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _document?.Dispose();

    /// <summary>Reads at most <paramref name="max"/> + 1 bytes into <paramref name="buffer"/>: a length over <paramref name="max"/> means the body is too large.</summary>
    internal static async Task<int> ReadUpToAsync(Stream body, byte[] buffer, int max, CancellationToken ct)
    {
        var length = 0;
        int read;
        while (length <= max && (read = await body.ReadAsync(buffer.AsMemory(length, max + 1 - length), ct)) > 0)
            length += read;
        return length;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static JsonBody TooLarge(int maxBytes, byte[]? read = null, int length = 0) =>
        Fail(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The body must be at most {maxBytes / 1024} KiB.", read, length);

    private static JsonBody Fail(int status, string title, string detail, byte[]? read = null, int length = 0) =>
        new(null, TypedResults.Problem(statusCode: status, title: title, detail: detail),
            read?.AsSpan(0, Math.Min(length, RefusedCall.MaxBodyBytes)).ToArray(), length > RefusedCall.MaxBodyBytes);
}
