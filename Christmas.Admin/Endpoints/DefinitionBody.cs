using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Unicode;
using Christmas.Core.Campaign.Definition;

namespace Christmas.Admin.Endpoints;

/// <summary>A definition in a request or an answer: JSON, or YAML (<c>application/yaml</c>, also <c>text/yaml</c> and <c>application/x-yaml</c>).</summary>
public static class DefinitionBody
{
    public const string YamlType = "application/yaml";
    /// <summary>Far above a real campaign (revision 1 is about 6 KiB as JSON).</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>The body's text and format, or the 400/413/415 to answer.</summary>
    public static async Task<(string? Text, DefinitionFormat Format, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (FormatOf(request.ContentType) is not { } format)
            return (null, default, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                "Send the definition as JSON (Content-Type: application/json) or YAML (Content-Type: application/yaml)."));
        if (request.ContentLength > MaxBytes) return (null, format, TooLarge());
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = await JsonBody.ReadUpToAsync(request.Body, buffer, MaxBytes, ct);
            if (length > MaxBytes) return (null, format, TooLarge());
            if (!Utf8.IsValid(buffer.AsSpan(0, length)))
                return (null, format, Problem(StatusCodes.Status400BadRequest, "Bad Request", "The body is not valid UTF-8."));
            return (Encoding.UTF8.GetString(buffer, 0, length), format, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>YAML when the client asks for it in Accept, else JSON.</summary>
    public static DefinitionFormat Wanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.HasValue && IsYaml(a.MediaType.Value)) ? DefinitionFormat.Yaml : DefinitionFormat.Json;

    public static IResult Answer(string text, DefinitionFormat format) =>
        TypedResults.Text(text, format == DefinitionFormat.Yaml ? $"{YamlType}; charset=utf-8" : "application/json; charset=utf-8");

    private static DefinitionFormat? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is not { } type) return null;
        if (IsYaml(type)) return DefinitionFormat.Yaml;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            ? DefinitionFormat.Json : null;
    }

    private static bool IsYaml(string type) =>
        type.Equals(YamlType, StringComparison.OrdinalIgnoreCase) || type.Equals("text/yaml", StringComparison.OrdinalIgnoreCase)
        || type.Equals("application/x-yaml", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The definition must be at most {MaxBytes / 1024} KiB.");

    private static IResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
