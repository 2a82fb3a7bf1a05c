using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Christmas.Core.Notion.Client;

/// <summary>
/// Which failed attempts are tried again, as Notion's own SDK does: 429 and 529 always (Notion did
/// nothing, and says when to come back), 5xx and lost answers only for reads. A write answered 5xx may
/// have been saved, so it is not repeated here: the mirror looks the page up before writing again.
/// </summary>
public static class NotionRetryPolicy
{
    public static HttpRetryStrategyOptions Options() => new()
    {
        MaxRetryAttempts = 3,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromSeconds(1),
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request) => outcome switch
    {
        { Result: { } r } => r.StatusCode is HttpStatusCode.TooManyRequests || (int)r.StatusCode == 529
            || (IsRead(request) && (int)r.StatusCode >= 500),
        { Exception: HttpRequestException or TimeoutRejectedException } => IsRead(request),
        _ => false,
    };

    /// <summary>GETs, and queries (a POST that only reads).</summary>
    public static bool IsRead(HttpRequestMessage? request) =>
        request is not null && (request.Method == HttpMethod.Get
            || (request.Method == HttpMethod.Post && request.RequestUri?.OriginalString.EndsWith("/query", StringComparison.Ordinal) == true));
}
