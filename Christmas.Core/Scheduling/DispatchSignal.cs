namespace Christmas.Core.Scheduling;

/// <summary>Wakes the dispatcher when new steps were committed, so a step due now need not wait for its next look.</summary>
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _plannedWakeTicks = DateTimeOffset.MaxValue.UtcTicks;

    /// <summary>Wakes the dispatcher now (an operator action made a step due).</summary>
    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake or about to be */ }
    }

    /// <summary>
    /// Wakes the dispatcher only if a new step is due before it would look anyway: under a burst of
    /// webhooks (steps due hours ahead) the dispatcher then sleeps instead of re-querying per call.
    /// </summary>
    public void WakeIfEarlier(DateTime dueAt)
    {
        if (dueAt.Ticks < Interlocked.Read(ref _plannedWakeTicks)) Wake();
    }

    /// <summary>Waits until <paramref name="until"/> on the given clock (fake time in tests) or a <see cref="Wake"/>.</summary>
    /// <returns>True when woken by a signal.</returns>
    public async Task<bool> WaitAsync(DateTimeOffset until, TimeProvider time, CancellationToken ct)
    {
        var delay = until - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) return false;
        Interlocked.Exchange(ref _plannedWakeTicks, until.UtcTicks);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(delay, time, linked.Token);
        // The clock may have passed `until` between reading it and arming the timer (fake clocks jump).
        if (time.GetUtcNow() >= until)
        {
            await linked.CancelAsync();
            return false;
        }
        var signalled = _signal.WaitAsync(linked.Token);
        var first = await Task.WhenAny(timer, signalled);
        // Awake: every new step must wake it until it sleeps again (it may have read the steps table already).
        Interlocked.Exchange(ref _plannedWakeTicks, DateTimeOffset.MaxValue.UtcTicks);
        await linked.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (first == signalled) return true;
        // The timer won; a release that raced the cancellation must not be lost.
        try { await signalled; return true; }
        catch (OperationCanceledException) { return false; }
    }
}
