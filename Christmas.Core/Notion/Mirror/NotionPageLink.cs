namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// One of our contacts or sequences and its Notion page: the page id once known (so a repeat updates,
/// never duplicates), when it was last written, and the last error. <see cref="Pending"/> marks a page
/// Notion refused, tried again from <see cref="RetryAt"/>; pages waiting for their first write after a
/// change are in the <see cref="MirrorWindow"/>, not here. Only the mirror's loop writes these rows.
/// </summary>
public sealed class NotionPageLink
{
    public long Id { get; private set; }
    public NotionPageKind Kind { get; private set; }
    public long EntityId { get; private set; }
    public string? PageId { get; private set; }
    public string? PageUrl { get; private set; }
    public bool Pending { get; private set; }
    /// <summary>Since when the page has been waiting for a retry.</summary>
    public DateTime? PendingSince { get; private set; }
    public DateTime? SyncedAt { get; private set; }
    public string? LastError { get; private set; }
    public int FailedAttempts { get; private set; }
    /// <summary>A page that failed is not tried again before this.</summary>
    public DateTime? RetryAt { get; private set; }

    private NotionPageLink() { }

    public NotionPageLink(NotionPageKind kind, long entityId)
    {
        Kind = kind;
        EntityId = entityId;
    }

    public void MarkPending(DateTime now)
    {
        if (Pending) return;
        Pending = true;
        PendingSince = now;
    }

    public void MarkSynced(string pageId, string? url, DateTime now)
    {
        Found(pageId, url);
        Settle(now);
    }

    /// <summary>The page was found (by its key) or created: keep its id even if the rest of the sync fails.</summary>
    public void Found(string pageId, string? url)
    {
        PageId = pageId;
        PageUrl = url ?? PageUrl;
    }

    /// <summary>The stored page is gone from Notion (deleted or trashed): the next sync creates a new one.</summary>
    public void ForgetPage()
    {
        PageId = null;
        PageUrl = null;
    }

    /// <summary>The page was trashed because its person was erased: no page any more, nothing pending.</summary>
    public void MarkTrashed(DateTime now)
    {
        ForgetPage();
        Settle(now);
    }

    /// <summary>Nothing pending or failing any more, as of <paramref name="now"/>.</summary>
    private void Settle(DateTime now)
    {
        Pending = false;
        PendingSince = null;
        SyncedAt = now;
        LastError = null;
        FailedAttempts = 0;
        RetryAt = null;
    }

    public void MarkFailed(string error, DateTime retryAt)
    {
        LastError = error.Length > 1000 ? error[..1000] : error;
        FailedAttempts++;
        RetryAt = retryAt;
    }

    /// <summary>The entity no longer exists here: nothing left to mirror.</summary>
    public void Drop()
    {
        Pending = false;
        PendingSince = null;
        RetryAt = null;
    }
}
