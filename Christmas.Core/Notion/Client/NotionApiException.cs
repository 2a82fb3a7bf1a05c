namespace Christmas.Core.Notion.Client;

/// <summary>Notion refused or could not be reached; carries Notion's own <c>code</c> and <c>message</c>.</summary>
/// <param name="Status">HTTP status, or 0 when no answer came (network error, timeout).</param>
public sealed class NotionApiException(int status, string code, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Notion {(status == 0 ? "unreachable" : status.ToString())} {code}: {message}", inner)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string NotionMessage { get; } = message;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Notion's trouble, not our request's: wait and try again (429, 529, 5xx, no answer).</summary>
    public bool IsTransient => Status is 0 or 429 or >= 500;

    /// <summary>Trouble that no page can get past (Notion's, or a token it refuses): the mirror pauses instead of failing page by page.</summary>
    public bool StopsEveryPage => IsTransient || Status == 401;

    public bool IsNotFound => Status == 404;
}
