namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// The pages the mirror has read changes for and not yet written, oldest change first, each once however
/// often it changed: that is the coalescing. Held in memory by the mirror's loop, read by the status API.
/// The feed's cursor trails it: it only moves past a change once that change's page is written, so a
/// restart reads again what was not (and rewrites, by page id, what was: never a second page).
/// </summary>
public sealed class MirrorWindow
{
    private readonly Lock _lock = new();
    // Insertion order is the order of each page's first unwritten change.
    private readonly OrderedDictionary<(NotionPageKind Kind, long Id), long> _waiting = new();

    /// <summary>The last change read into the window (null: the loop has not read the feed yet).</summary>
    public long? ReadUpTo { get; private set; }

    public int Count { get { lock (_lock) return _waiting.Count; } }

    public void Add(NotionPageKind kind, long id, long changeId)
    {
        lock (_lock) _waiting.TryAdd((kind, id), changeId);
    }

    /// <summary>Forgets what was read: the next read starts at the stored cursor (another instance may have moved it).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _waiting.Clear();
            ReadUpTo = null;
        }
    }

    public void Read(long upTo)
    {
        lock (_lock) ReadUpTo = Math.Max(ReadUpTo ?? 0, upTo);
    }

    public void Remove(NotionPageKind kind, long id)
    {
        lock (_lock) _waiting.Remove((kind, id));
    }

    public bool Contains(NotionPageKind kind, long id)
    {
        lock (_lock) return _waiting.ContainsKey((kind, id));
    }

    /// <summary>The oldest <paramref name="count"/> pages waiting in the databases of <paramref name="kinds"/>.</summary>
    public IReadOnlyList<(NotionPageKind Kind, long Id)> Oldest(int count, IReadOnlyCollection<NotionPageKind> kinds)
    {
        lock (_lock) return _waiting.Keys.Where(k => kinds.Contains(k.Kind)).Take(count).ToList();
    }

    /// <summary>Forgets the pages of a database that is not configured: nothing will ever be written there.</summary>
    public void Discard(NotionPageKind kind)
    {
        lock (_lock)
            foreach (var key in _waiting.Keys.Where(k => k.Kind == kind).ToList()) _waiting.Remove(key);
    }

    /// <summary>How far the cursor may go: just before the oldest change whose page is not written yet.</summary>
    public long? SafeCursor()
    {
        lock (_lock)
        {
            if (ReadUpTo is not { } read) return null;
            return _waiting.Count == 0 ? read : _waiting.GetAt(0).Value - 1;
        }
    }
}
