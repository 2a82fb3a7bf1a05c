namespace Christmas.Core.Common.Http;

/// <summary>
/// At most <c>requestsPerSecond</c> requests reach a provider (Resend, Notion) in any one-second
/// window, across all workers. A slot is counted from the moment it is taken until one second
/// after its request finished: counting from the start let a slow first request (connection set-up)
/// arrive so late that three landed within one second. It runs on the system clock: Resend counts
/// real seconds, whatever clock the campaign's schedule runs on (fake in tests).
/// The provider's answers tune it (<see cref="Observe"/>): its <c>ratelimit-limit</c> lowers the limit when
/// the account's is lower than configured, and <c>ratelimit-remaining: 0</c> or a 429's <c>retry-after</c>
/// pause every worker until the provider's window resets, so steady sending meets no 429.
/// </summary>
public class RequestRateGate(Func<double> requestsPerSecond)
{
    private readonly TimeProvider _time = TimeProvider.System;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    // A pause holds every worker: longer waits (a quota's retry-after of minutes) are the caller's, who
    // reschedules its work by the answer's retry-after instead of holding a worker and its claims.
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    private readonly object _lock = new();
    private readonly List<Slot> _slots = [];
    // Waiters queue here in arrival order; only the first polls for a slot (no worker starves).
    private readonly SemaphoreSlim _queue = new(1, 1);
    private int? _providerLimit;
    private DateTimeOffset _pausedUntil;

    /// <summary>The limit in force: the configured one, or the provider's when it said it is lower.</summary>
    public int Limit
    {
        get
        {
            var configured = Math.Max(1, (int)Math.Floor(requestsPerSecond()));
            lock (_lock) return _providerLimit is { } provider && provider < configured ? provider : configured;
        }
    }

    /// <summary>Reads a provider's rate headers (IETF RateLimit draft, as Resend sends them) and retry-after.</summary>
    public void Observe(HttpResponseMessage response)
    {
        var now = _time.GetUtcNow();
        var limit = Header(response, "ratelimit-limit");
        var remaining = Header(response, "ratelimit-remaining");
        var reset = Header(response, "ratelimit-reset");
        TimeSpan? pause = (int)response.StatusCode == 429
            ? response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - now,
                _ => TimeSpan.FromSeconds(reset ?? 1),
            }
            : remaining == 0 ? TimeSpan.FromSeconds(Math.Max(1, reset ?? 1)) : null;
        lock (_lock)
        {
            if (limit > 0) _providerLimit = limit;
            if (pause is { } p && now + Min(p, LongestPause) > _pausedUntil) _pausedUntil = now + Min(p, LongestPause);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static int? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), out var value) ? value : null;

    /// <summary>Waits for a slot; dispose the result when the request has finished.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken ct)
    {
        await _queue.WaitAsync(ct);
        try
        {
            return await NextSlotAsync(ct);
        }
        finally
        {
            _queue.Release();
        }
    }

    private async Task<IDisposable> NextSlotAsync(CancellationToken ct)
    {
        while (true)
        {
            // Read each time: an answer received meanwhile may have lowered it.
            var limit = Limit;
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                _slots.RemoveAll(s => s.DoneAt is { } done && now - done >= Window);
                if (now < _pausedUntil) wait = _pausedUntil - now;
                else if (_slots.Count < limit)
                {
                    var slot = new Slot(this);
                    _slots.Add(slot);
                    return slot;
                }
                else
                {
                    var firstFree = _slots.Where(s => s.DoneAt is not null).Select(s => s.DoneAt!.Value + Window).DefaultIfEmpty(now + Poll).Min();
                    wait = firstFree - now < Poll ? firstFree - now : Poll;
                }
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, ct);
        }
    }

    private DateTimeOffset Now() => _time.GetUtcNow();

    private sealed class Slot(RequestRateGate gate) : IDisposable
    {
        public DateTimeOffset? DoneAt { get; private set; }

        public void Dispose()
        {
            lock (gate._lock) DoneAt ??= gate.Now();
        }
    }
}
