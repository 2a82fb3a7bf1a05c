namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A sliding one-second window: a request is refused when, counting it, more than max(1, floor(rps))
/// requests reached the budget check within the trailing second. Refused ones count too, so a client
/// that ignores Retry-After stays refused, as with a real limit.
/// </summary>
internal sealed class RateBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _arrivals = new();

    public bool Admits(double requestsPerSecond)
    {
        if (requestsPerSecond <= 0) return true;
        var limit = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            while (_arrivals.Count > 0 && now - _arrivals.Peek() >= Window) _arrivals.Dequeue();
            _arrivals.Enqueue(now);
            return _arrivals.Count <= limit;
        }
    }
}
