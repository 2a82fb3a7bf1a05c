namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// The scripted failures. A request takes at most one, looked for in this order: down (until Up),
/// a timed window (FailFor), then the one-shot queue that FailNext and HangNext fill in call order.
/// Save-then-fail is separate: only a successful write takes it.
/// </summary>
internal sealed class StandInFaults
{
    private readonly Lock _lock = new();
    private readonly Queue<ScriptedFault> _next = new();
    private readonly Queue<int> _saveThenFail = new();
    private ScriptedFault? _down;
    private ScriptedFault? _window;
    private DateTimeOffset _windowEnds;

    public void Down(ScriptedFault fault) { lock (_lock) _down = fault; }

    public void Up() { lock (_lock) _down = null; }

    public void FailFor(TimeSpan duration, ScriptedFault fault)
    {
        lock (_lock) (_window, _windowEnds) = (fault, DateTimeOffset.UtcNow + duration);
    }

    public void Next(int count, ScriptedFault fault)
    {
        lock (_lock) for (var i = 0; i < count; i++) _next.Enqueue(fault);
    }

    public void SaveThenFail(int status) { lock (_lock) _saveThenFail.Enqueue(status); }

    public ScriptedFault? Take()
    {
        lock (_lock)
        {
            if (_down is not null) return _down;
            if (_window is not null && DateTimeOffset.UtcNow < _windowEnds) return _window;
            return _next.TryDequeue(out var next) ? next : null;
        }
    }

    public int? TakeSaveThenFail() { lock (_lock) return _saveThenFail.TryDequeue(out var status) ? status : null; }
}
