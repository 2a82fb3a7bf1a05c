using System.Collections.Concurrent;
using System.Net;

namespace Christmas.Admin.Security.SignIn;

/// <summary>
/// Failed sign-ins per client address: past <see cref="MaxFailures"/> within <see cref="Window"/> that address
/// may not try again until the window moves on. Guessing from one address stops here, before the account's
/// own lockout, so nobody can keep the Admin locked out from one machine. In memory: per instance.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <returns>How long the address must wait, or null when it may try.</returns>
    public TimeSpan? WaitFor(IPAddress? address)
    {
        if (!_failures.TryGetValue(Key(address), out var failures)) return null;
        lock (failures)
        {
            Expire(failures);
            return failures.Count >= MaxFailures ? failures.Peek() + Window - time.GetUtcNow() : null;
        }
    }

    public void Failed(IPAddress? address)
    {
        var failures = _failures.GetOrAdd(Key(address), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures);
            failures.Enqueue(time.GetUtcNow());
        }
        // Addresses that stopped failing are dropped now and then, so the map cannot grow without end.
        if (_failures.Count > 10_000) Sweep();
    }

    public void Succeeded(IPAddress? address) => _failures.TryRemove(Key(address), out _);

    private void Expire(Queue<DateTimeOffset> failures)
    {
        var now = time.GetUtcNow();
        while (failures.Count > 0 && failures.Peek() + Window <= now) failures.Dequeue();
    }

    private void Sweep()
    {
        foreach (var (key, failures) in _failures)
            lock (failures)
            {
                Expire(failures);
                if (failures.Count == 0) _failures.TryRemove(key, out _);
            }
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";
}
