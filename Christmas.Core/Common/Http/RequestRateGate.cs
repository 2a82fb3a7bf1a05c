namespace Christmas.Core.Common.Http;

/// <summary>
/// At most <c>requestsPerSecond</c> requests reach a provider (Resend, Notion) in any one-second
/// window, across all workers. A slot is counted from the moment it is taken until one second
/// after its request finished: counting from the start let a slow first request (connection set-up)
/// arrive so late that three landed within one second. It runs on the system clock: Resend counts
/// real seconds, whatever clock the campaign's schedule runs on (fake in tests).
/// </summary>
public class RequestRateGate(Func<double> requestsPerSecond)
{
    private readonly TimeProvider _time = TimeProvider.System;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly object _lock = new();
    private readonly List<Slot> _slots = [];
    // Waiters queue here in arrival order; only the first polls for a slot (no worker starves).
    private readonly SemaphoreSlim _queue = new(1, 1);

    /// <summary>Waits for a slot; dispose the result when the request has finished.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken ct)
    {
        var limit = Math.Max(1, (int)Math.Floor(requestsPerSecond()));
        await _queue.WaitAsync(ct);
        try
        {
            return await NextSlotAsync(limit, ct);
        }
        finally
        {
            _queue.Release();
        }
    }

    private async Task<IDisposable> NextSlotAsync(int limit, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                _slots.RemoveAll(s => s.DoneAt is { } done && now - done >= Window);
                if (_slots.Count < limit)
                {
                    var slot = new Slot(this);
                    _slots.Add(slot);
                    return slot;
                }
                var firstFree = _slots.Where(s => s.DoneAt is not null).Select(s => s.DoneAt!.Value + Window).DefaultIfEmpty(now + Poll).Min();
                wait = firstFree - now < Poll ? firstFree - now : Poll;
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
