namespace Christmas.Core.Delivery;

/// <summary>A send that did not go through.</summary>
/// <param name="permanent">The provider refused this email for good: not retried.</param>
/// <param name="unavailable">The provider is down, overloaded or unreachable (5xx, 429, timeouts, SMTP 4xx):
/// nothing is wrong with the email, so it is retried for as long as <c>Scheduler:RetryUnavailableFor</c> allows.</param>
/// <param name="retryAfter">The provider's own wait (429's retry-after), when it gave one.</param>
public sealed class EmailSendException(string message, bool permanent, Exception? inner = null, bool unavailable = false, TimeSpan? retryAfter = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
    public bool Unavailable { get; } = unavailable && !permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
