namespace Christmas.Tests.Fixtures;

/// <summary>Polls a condition on the real clock; used where background work (jobs) must happen within a bound.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {within.TotalSeconds} s: {what} (last value: {value})");
            await Task.Delay(50);
        }
    }
}
