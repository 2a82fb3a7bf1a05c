namespace Christmas.Core.Delivery.Events;

/// <summary>Wakes the delivery loop: an event was recorded, or a step got the provider id an early event waits for.</summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake or about to be */ }
    }

    /// <summary>Waits for a wake-up or at most <paramref name="timeout"/> of real time (retries are looked at on the schedule's clock each round).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);
}
