using Christmas.Core.Executions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// Records a webhook call we refuse (as a FAILED execution, through <see cref="RefusedCallLog"/>) and in
/// the app's log, then answers it. The caller gets the usual answer; the operator sees why.
/// </summary>
public sealed class WebhookRefusals(RefusedCallLog log, TimeProvider time, ILogger<WebhookRefusals> logger)
{
    /// <param name="reason">What the operator reads; by default the answer's own detail or its invalid fields.</param>
    /// <param name="body">The body when it was read; otherwise its first bytes are read here.</param>
    public async Task<IResult> RefuseAsync(HttpRequest request, string handler, IResult answer, CancellationToken ct,
        string? reason = null, JsonBody? body = null)
    {
        var status = (answer as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status400BadRequest;
        reason ??= ReasonOf(answer);
        var (prefix, truncated) = body switch
        {
            { RefusedPrefix: { } read } => (read, body.RefusedTruncated),
            { Error: null } parsed => Cut(System.Text.Encoding.UTF8.GetBytes(parsed.Root.GetRawText())),
            _ => await ReadPrefixAsync(request, ct),
        };
        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString();
        log.Record(new RefusedCall(handler, status, reason, prefix, truncated, request.ContentType, address, time.GetUtcNow().UtcDateTime));
        logger.LogWarning("Refused a webhook call to {Handler} from {Address} with {Status}: {Reason}", Shorten(handler), address, status, reason);
        return answer;
    }

    private static string ReasonOf(IResult answer) => answer switch
    {
        ValidationProblem v => "invalid fields: " + string.Join("; ", v.ProblemDetails.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        ProblemHttpResult p => p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? "refused",
        _ => "refused",
    };

    private static (byte[], bool) Cut(byte[] bytes) =>
        bytes.Length > RefusedCall.MaxBodyBytes ? (bytes[..RefusedCall.MaxBodyBytes], true) : (bytes, false);

    /// <summary>The first bytes of a body nobody read (a wrong key, an unsupported type); the rest is left unread.</summary>
    private static async Task<(byte[], bool)> ReadPrefixAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new byte[RefusedCall.MaxBodyBytes + 1];
        try
        {
            var length = await JsonBody.ReadUpToAsync(request.Body, buffer, RefusedCall.MaxBodyBytes, ct);
            return Cut(buffer[..length]);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException)
        {
            return ([], false);
        }
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] : text;
}
