using Christmas.Core.Changes;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// The mirror's side of the change feed: reads changes after its cursor and turns them into pending
/// pages, in one transaction with the cursor's move. Ten changes to one contact leave one pending page.
/// </summary>
public sealed class MirrorFeed(IDbContextFactory<CampaignDbContext> contexts)
{
    public const string Consumer = "notion";
    public const int BatchSize = 1000;

    /// <returns>How many changes were taken in.</returns>
    public async Task<int> AbsorbAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursor = await db.ChangeCursors.FirstOrDefaultAsync(c => c.Consumer == Consumer, ct);
        if (cursor is null)
        {
            // First start with Notion configured: everything already here is mirrored once, then the feed is followed.
            await QueueAllAsync(db, now, ct);
            db.ChangeCursors.Add(cursor = new ChangeCursor(Consumer, 0));
        }
        var changes = await db.Changes.AsNoTracking().Where(c => c.Id > cursor.Position)
            .OrderBy(c => c.Id).Take(BatchSize).Select(c => new { c.Id, c.Entity, c.EntityId }).ToListAsync(ct);
        if (changes.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return 0;
        }

        var contacts = changes.Where(c => c.Entity == ChangeEntity.Contact).Select(c => c.EntityId).ToHashSet();
        var sequences = changes.Where(c => c.Entity == ChangeEntity.Sequence).Select(c => c.EntityId).ToHashSet();
        var stepIds = changes.Where(c => c.Entity == ChangeEntity.Step).Select(c => c.EntityId).Distinct().ToList();
        if (stepIds.Count > 0)
        {
            // A step shows on its sequence's tracker page; a sent one also moves the contact's "Last Email Sent".
            var steps = await db.Steps.AsNoTracking().Where(s => stepIds.Contains(s.Id))
                .Select(s => new { s.SequenceId, s.Sequence!.ContactId, Sent = s.Status == StepStatus.Sent }).ToListAsync(ct);
            sequences.UnionWith(steps.Select(s => s.SequenceId));
            contacts.UnionWith(steps.Where(s => s.Sent).Select(s => s.ContactId));
        }
        await MarkPendingAsync(db, NotionPageKind.Contact, contacts, now, ct);
        await MarkPendingAsync(db, NotionPageKind.Sequence, sequences, now, ct);
        cursor.Position = changes[^1].Id;
        await db.SaveChangesAsync(ct);
        return changes.Count;
    }

    /// <summary>"Resync all": a change for every contact and sequence, read by the mirror like any other.</summary>
    /// <returns>How many pages were queued.</returns>
    public async Task<int> QueueAllAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await QueueAllAsync(db, now, ct);
    }

    private static async Task<int> QueueAllAsync(CampaignDbContext db, DateTime now, CancellationToken ct)
    {
        var contacts = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") SELECT {0}, \"Id\", {1} FROM \"Contacts\"", [nameof(ChangeEntity.Contact), now], ct);
        var sequences = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") SELECT {0}, \"Id\", {1} FROM \"Sequences\"", [nameof(ChangeEntity.Sequence), now], ct);
        return contacts + sequences;
    }

    private static async Task MarkPendingAsync(CampaignDbContext db, NotionPageKind kind, HashSet<long> ids, DateTime now, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var list = ids.ToList();
        var links = await db.NotionPages.Where(p => p.Kind == kind && list.Contains(p.EntityId)).ToDictionaryAsync(p => p.EntityId, ct);
        foreach (var id in list)
        {
            if (!links.TryGetValue(id, out var link)) db.NotionPages.Add(link = new NotionPageLink(kind, id));
            link.MarkPending(now);
        }
    }
}
