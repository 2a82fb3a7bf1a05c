using Christmas.Core.Changes;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// The mirror's side of the change feed: reads changes after what it has read into the
/// <see cref="MirrorWindow"/> (on a reading connection: nothing is written per change) and moves the
/// stored cursor behind the window. Writing a pending row per change, even set-based in the webhooks'
/// own writer, cost the webhooks up to 84 % of their throughput (bench/README.md, "Notion").
/// </summary>
public sealed class MirrorFeed(GroupCommitWriter writer, IDbContextFactory<CampaignDbContext> contexts, MirrorWindow window,
    Persistence.Dialects.SqlDialect dialect)
{
    public const string Consumer = "notion";
    public const int BatchSize = 2000;
    private long? _saved;

    /// <returns>How many changes were read into the window.</returns>
    public async Task<int> ReadAsync(DateTime now, CancellationToken ct)
    {
        var from = window.ReadUpTo ?? await CursorAsync(now, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changes = await dialect.ReadChangesAsync(db, from, BatchSize, ct);
        if (changes.Count == 0)
        {
            window.Read(from);
            return 0;
        }
        var stepIds = changes.Where(c => c.Entity == ChangeEntity.Step).Select(c => c.EntityId).Distinct().ToList();
        // A step shows on its sequence's tracker page; a sent one also moves the contact's "Last Email Sent".
        var steps = stepIds.Count == 0 ? [] : await db.Steps.AsNoTracking().Where(s => stepIds.Contains(s.Id))
            .Select(s => new { s.Id, s.SequenceId, s.Sequence!.ContactId, Sent = s.Status == StepStatus.Sent })
            .ToDictionaryAsync(s => s.Id, ct);
        foreach (var change in changes)
        {
            switch (change.Entity)
            {
                case ChangeEntity.Contact: window.Add(NotionPageKind.Contact, change.EntityId, change.Id); break;
                case ChangeEntity.Sequence: window.Add(NotionPageKind.Sequence, change.EntityId, change.Id); break;
                case ChangeEntity.Step when steps.TryGetValue(change.EntityId, out var step):
                    window.Add(NotionPageKind.Sequence, step.SequenceId, change.Id);
                    if (step.Sent) window.Add(NotionPageKind.Contact, step.ContactId, change.Id);
                    break;
            }
        }
        window.Read(changes[^1].Id);
        return changes.Count;
    }

    /// <summary>Stores how far the feed is done with (one tiny write, only when it moved).</summary>
    public async Task SaveCursorAsync(CancellationToken ct)
    {
        if (window.SafeCursor() is not { } position || position == _saved) return;
        await writer.RunAsync(async (batch, token) =>
            await batch.Db.ChangeCursors.Where(c => c.Consumer == Consumer && c.Position < position)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Position, position), token), ct);
        _saved = position;
    }

    /// <summary>"Resync all": a change for every contact and sequence, read by the mirror like any other.</summary>
    /// <returns>How many pages were queued.</returns>
    public Task<int> QueueAllAsync(DateTime now, CancellationToken ct) =>
        writer.RunAsync((batch, token) => QueueAllAsync(batch.Db, now, token), ct);

    /// <summary>The stored cursor; on the first start with Notion configured, everything here is queued once after the feed's end.</summary>
    private async Task<long> CursorAsync(DateTime now, CancellationToken ct)
    {
        var position = await writer.RunAsync(async (batch, token) =>
        {
            var db = batch.Db;
            if (await db.ChangeCursors.FirstOrDefaultAsync(c => c.Consumer == Consumer, token) is { } cursor) return cursor.Position;
            var end = await db.Changes.MaxAsync(c => (long?)c.Id, token) ?? 0;
            await QueueAllAsync(db, now, token);
            db.ChangeCursors.Add(new ChangeCursor(Consumer, end));
            await db.SaveChangesAsync(token);
            return end;
        }, ct);
        _saved = position;
        return position;
    }

    private static async Task<int> QueueAllAsync(CampaignDbContext db, DateTime now, CancellationToken ct)
    {
        var contacts = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") SELECT {0}, \"Id\", {1} FROM \"Contacts\"", [nameof(ChangeEntity.Contact), now], ct);
        var sequences = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") SELECT {0}, \"Id\", {1} FROM \"Sequences\"", [nameof(ChangeEntity.Sequence), now], ct);
        return contacts + sequences;
    }
}
