using Christmas.Core.Changes;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// The mirror's side of the change feed: takes the changes after its cursor in and marks their pages
/// pending, with the cursor's move, as one unit of the <see cref="GroupCommitWriter"/>. Ten changes to
/// one contact leave one pending page. Set-based SQL in the webhooks' own writer: a second writer
/// made the webhooks wait on SQLite's lock (busy sleeps of up to 100 ms), and EF tracking of every
/// row cost CPU the webhooks need (bench/README.md, "Notion").
/// </summary>
public sealed class MirrorFeed(GroupCommitWriter writer)
{
    public const string Consumer = "notion";
    public const int BatchSize = 2000;

    // Plain SQL that SQLite (3.24+) and PostgreSQL both take. {0} cursor, {1} last id taken, {2} now.
    // The outer WHERE is SQLite's rule for an upsert from a SELECT; a sent step also moves its contact's "Last Email Sent".
    private const string MarkPendingSql = """
        INSERT INTO "NotionPages" ("Kind", "EntityId", "Pending", "PendingSince", "FailedAttempts")
        SELECT t."Kind", t."EntityId", TRUE, {2}, 0 FROM (
            SELECT 'Contact' AS "Kind", c."EntityId" AS "EntityId" FROM "Changes" c
                WHERE c."Id" > {0} AND c."Id" <= {1} AND c."Entity" = 'Contact'
            UNION SELECT 'Sequence', c."EntityId" FROM "Changes" c
                WHERE c."Id" > {0} AND c."Id" <= {1} AND c."Entity" = 'Sequence'
            UNION SELECT 'Sequence', s."SequenceId" FROM "Changes" c JOIN "Steps" s ON s."Id" = c."EntityId"
                WHERE c."Id" > {0} AND c."Id" <= {1} AND c."Entity" = 'Step'
            UNION SELECT 'Contact', q."ContactId" FROM "Changes" c JOIN "Steps" s ON s."Id" = c."EntityId" JOIN "Sequences" q ON q."Id" = s."SequenceId"
                WHERE c."Id" > {0} AND c."Id" <= {1} AND c."Entity" = 'Step' AND s."Status" = 'Sent'
        ) AS t WHERE TRUE
        ON CONFLICT ("Kind", "EntityId") DO UPDATE SET "Pending" = TRUE,
            "PendingSince" = COALESCE("NotionPages"."PendingSince", excluded."PendingSince")
        """;

    /// <returns>How many changes were taken in (<see cref="BatchSize"/> at most).</returns>
    public Task<int> AbsorbAsync(DateTime now, CancellationToken ct) => writer.RunAsync(async (batch, token) =>
    {
        var db = batch.Db;
        var cursor = await db.ChangeCursors.FirstOrDefaultAsync(c => c.Consumer == Consumer, token);
        if (cursor is null)
        {
            // First start with Notion configured: everything already here is queued once, after the feed's
            // end (the older rows name the same entities again), then the feed is followed.
            var end = await db.Changes.MaxAsync(c => (long?)c.Id, token) ?? 0;
            await QueueAllAsync(db, now, token);
            db.ChangeCursors.Add(cursor = new ChangeCursor(Consumer, end));
            await db.SaveChangesAsync(token);
        }
        var ids = await db.Changes.Where(c => c.Id > cursor.Position).OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(token);
        if (ids.Count == 0) return 0;
        await db.Database.ExecuteSqlRawAsync(MarkPendingSql, [cursor.Position, ids[^1], now], token);
        cursor.Position = ids[^1];
        await db.SaveChangesAsync(token);
        return ids.Count;
    }, ct);

    /// <summary>"Resync all": a change for every contact and sequence, read by the mirror like any other.</summary>
    /// <returns>How many pages were queued.</returns>
    public Task<int> QueueAllAsync(DateTime now, CancellationToken ct) =>
        writer.RunAsync((batch, token) => QueueAllAsync(batch.Db, now, token), ct);

    private static async Task<int> QueueAllAsync(CampaignDbContext db, DateTime now, CancellationToken ct)
    {
        var contacts = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") SELECT {0}, \"Id\", {1} FROM \"Contacts\"", [nameof(ChangeEntity.Contact), now], ct);
        var sequences = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") SELECT {0}, \"Id\", {1} FROM \"Sequences\"", [nameof(ChangeEntity.Sequence), now], ct);
        return contacts + sequences;
    }
}
