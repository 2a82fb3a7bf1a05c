namespace Christmas.Core.Scheduling;

/// <summary>Wakes the dispatcher when new steps were committed, so a step due now need not wait for its next look.</summary>
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake or about to be */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct) =>
        WaitCoreAsync(timeout, time, ct);

    private async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        // Wait on the TimeProvider's clock (fake time in tests), not on the semaphore's own timer.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, linked.Token);
        var signalled = _signal.WaitAsync(linked.Token);
        var first = await Task.WhenAny(delay, signalled);
        await linked.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (first == signalled) return true;
        // The delay won; a release that raced the cancellation must not be lost.
        try { await signalled; return true; }
        catch (OperationCanceledException) { return false; }
    }
}
