using System.Diagnostics.CodeAnalysis;

namespace Christmas.Core.Simulation;

/// <summary>
/// The virtual timeline: events in time order. At the same moment due steps go before calls (the
/// dispatcher had them in hand), then in the order they were added (calls in the request's order).
/// </summary>
internal sealed class SimulationClock(DateTime start, DateTime end)
{
    private readonly PriorityQueue<SimulationEvent, (DateTime At, int Kind, long Order)> _queue = new();
    private long _order;

    public DateTime Start { get; } = start;
    public DateTime End { get; } = end;
    /// <summary>Steps that would go after <see cref="End"/>: not played.</summary>
    public int Later { get; private set; }

    public void Add(SimulatedCall call) => _queue.Enqueue(new CallArrives(call), (call.At, 1, _order++));

    /// <summary>A scheduled step goes when it is due, or at once when it already is (the dispatcher sends overdue steps now).</summary>
    public void Add(StepDue due, DateTime now)
    {
        var at = due.Step.NotBefore > now ? due.Step.NotBefore : now;
        if (at > End) Later++;
        else _queue.Enqueue(due, (at, 0, _order++));
    }

    public bool TryNext([MaybeNullWhen(false)] out SimulationEvent next, out DateTime at)
    {
        if (_queue.TryDequeue(out var item, out var key))
        {
            next = item;
            at = key.At;
            return true;
        }
        next = null;
        at = default;
        return false;
    }
}
