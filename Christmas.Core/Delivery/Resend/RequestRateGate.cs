using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Resend;

/// <summary>
/// At most <see cref="ResendOptions.RequestsPerSecond"/> request starts in any one-second window,
/// across all workers: a request waits until the one N places before it is more than a second
/// (plus a small margin for network jitter) old. Every attempt, retries included, passes here.
/// </summary>
public sealed class RequestRateGate(IOptions<ResendOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(20);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Queue<DateTimeOffset> _starts = new();

    public async Task WaitAsync(CancellationToken ct)
    {
        var limit = Math.Max(1, (int)Math.Floor(options.Value.RequestsPerSecond));
        await _lock.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (_starts.Count > 0 && now - _starts.Peek() >= Window) _starts.Dequeue();
                if (_starts.Count < limit)
                {
                    _starts.Enqueue(now);
                    return;
                }
                await Task.Delay(_starts.Peek() + Window - now, time, ct);
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
