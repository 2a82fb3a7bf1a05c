using Christmas.Core.Changes;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Notion.Mirror;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Status;

/// <summary>The mirror's state for the API, Settings, /health and each contact; never a secret.</summary>
public sealed class NotionStatusReader(
    IDbContextFactory<CampaignDbContext> contexts, NotionSchemas schemas, NotionMirrorState state, MirrorWindow window, IOptions<NotionOptions> options)
{
    /// <summary>Whether a token is set; without one nothing Notion runs, and the console says only that.</summary>
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<NotionStatus> ReadAsync(CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return new NotionStatus(false, false, null, null, 0, null, null, null, null);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var backlog = await BacklogAsync(db, ct);
        var lastSync = await db.NotionPages.MaxAsync(p => p.SyncedAt, ct);
        var databases = new[] { schemas.Contacts, schemas.SequenceTracker }.Where(m => m is not null).ToList();
        var healthy = databases.Count > 0 && databases.All(m => m!.IsUsable) && !state.Troubled;
        // A database Notion could not even be asked about is the most recent trouble when nothing was written yet.
        var lastError = state.LastError ?? databases.Select(m => m!.Error).FirstOrDefault(e => e is not null) ?? await db.NotionPages.Where(p => p.LastError != null).OrderByDescending(p => p.Id).Select(p => p.LastError).FirstOrDefaultAsync(ct);
        return new NotionStatus(true, healthy,
            schemas.Contacts is { } c ? NotionDatabaseStatus.From(c) : null,
            schemas.SequenceTracker is { } s ? NotionDatabaseStatus.From(s) : null,
            backlog, lastError, lastSync, state.PausedUntil?.UtcDateTime, schemas.CheckedAt?.UtcDateTime);
    }

    /// <summary>Pages waiting for a sync, plus changes the mirror has not taken in yet.</summary>
    public async Task<int> BacklogAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await BacklogAsync(db, ct);
    }

    /// <summary>The page of a contact and of each of its sequences.</summary>
    public async Task<(NotionSync Contact, IReadOnlyDictionary<long, NotionSync> Sequences)> ForContactAsync(
        CampaignDbContext db, long contactId, IReadOnlyCollection<long> sequenceIds, CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return (NotionSync.Off, sequenceIds.ToDictionary(id => id, _ => NotionSync.Off));
        var ids = sequenceIds.ToList();
        var links = await db.NotionPages.AsNoTracking()
            .Where(p => (p.Kind == NotionPageKind.Contact && p.EntityId == contactId) || (p.Kind == NotionPageKind.Sequence && ids.Contains(p.EntityId)))
            .ToListAsync(ct);
        // A page in the mirror's window, or with a change it has not read yet, is pending too.
        var cursor = await ReadPositionAsync(db, ct);
        var unread = await db.Changes.AsNoTracking().Where(c => c.Id > cursor)
            .Where(c => (c.Entity == ChangeEntity.Contact && c.EntityId == contactId) || (c.Entity == ChangeEntity.Sequence && ids.Contains(c.EntityId)))
            .Select(c => new { c.Entity, c.EntityId }).ToListAsync(ct);
        var o = options.Value;
        NotionSync Of(NotionPageKind kind, ChangeEntity entity, long id)
        {
            // A database that is not configured mirrors nothing: "off", not forever "pending".
            if (string.IsNullOrWhiteSpace(kind == NotionPageKind.Contact ? o.ContactsDatabaseId : o.SequenceTrackerDatabaseId)) return NotionSync.Off;
            var link = links.FirstOrDefault(l => l.Kind == kind && l.EntityId == id);
            var waiting = link is null || link.Pending || window.Contains(kind, id) || unread.Any(u => u.Entity == entity && u.EntityId == id);
            var status = link?.LastError is not null && link.Pending ? "error" : waiting ? "pending" : "synced";
            return new NotionSync(status, link?.PageId, link?.PageUrl, link?.SyncedAt, link?.Pending == true ? link.LastError : null);
        }
        return (Of(NotionPageKind.Contact, ChangeEntity.Contact, contactId),
            ids.ToDictionary(id => id, id => Of(NotionPageKind.Sequence, ChangeEntity.Sequence, id)));
    }

    /// <summary>Pages waiting in the mirror's window or refused and waiting for a retry, plus changes not read yet.</summary>
    private async Task<int> BacklogAsync(CampaignDbContext db, CancellationToken ct)
    {
        var read = await ReadPositionAsync(db, ct);
        return window.Count + await db.NotionPages.CountAsync(p => p.Pending, ct) + await db.Changes.CountAsync(c => c.Id > read, ct);
    }

    /// <summary>How far the mirror has read the feed: its window's end, or the stored cursor before it has read.</summary>
    private async Task<long> ReadPositionAsync(CampaignDbContext db, CancellationToken ct) =>
        window.ReadUpTo ?? await db.ChangeCursors.Where(c => c.Consumer == MirrorFeed.Consumer).Select(c => (long?)c.Position).FirstOrDefaultAsync(ct) ?? 0;
}
