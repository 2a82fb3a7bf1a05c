namespace Christmas.Core.Notion.Mirror;

/// <summary>What the mirror's loop last saw, for the status API, Settings and /health.</summary>
public sealed class NotionMirrorState
{
    private readonly object _lock = new();

    public string? LastError { get; private set; }
    public DateTimeOffset? LastErrorAt { get; private set; }
    public DateTimeOffset? LastSyncAt { get; private set; }
    /// <summary>When the loop will try Notion again after trouble (null: not waiting).</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    public void Synced(DateTimeOffset at)
    {
        lock (_lock)
        {
            LastSyncAt = at;
            PausedUntil = null;
        }
    }

    public void Failed(string error, DateTimeOffset at, DateTimeOffset? pausedUntil)
    {
        lock (_lock)
        {
            LastError = error;
            LastErrorAt = at;
            PausedUntil = pausedUntil;
        }
    }

    /// <summary>Healthy unless the last thing that happened was a failure.</summary>
    public bool Troubled => LastErrorAt is { } failed && (LastSyncAt is not { } synced || failed > synced);
}
