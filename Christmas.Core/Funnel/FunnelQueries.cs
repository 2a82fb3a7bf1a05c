using Christmas.Core.Common;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Funnel;

/// <summary>
/// The funnel, from set-based queries over covering indexes that answer a handful of rows: the sent
/// steps' delivery bits per template (the bits are on the step, so no event is read), and contacts per
/// kind and per next stage. About 0.15 s at 100,000 contacts and 400,000 steps (bench/README.md).
/// </summary>
public sealed class FunnelQueries(IDbContextFactory<CampaignDbContext> contexts, SequenceCatalog catalog)
{
    private const DeliveryFlags DeliveredOrLater = DeliveryFlags.Delivered | DeliveryFlags.Opened | DeliveryFlags.Clicked;

    /// <summary>Which later sequences count as going on from each kind.</summary>
    private static readonly Dictionary<SequenceKind, (string Stage, string Label, SequenceKind[] Kinds)[]> NextStages = new()
    {
        [SequenceKind.Assessment] = [("booked_call", "Booked a call", [SequenceKind.Noshow, SequenceKind.Postcall]), ("paid", "Paid", [SequenceKind.Onboarding])],
        [SequenceKind.Noshow] = [("had_call", "Had the call", [SequenceKind.Postcall]), ("paid", "Paid", [SequenceKind.Onboarding])],
        [SequenceKind.Postcall] = [("paid", "Paid", [SequenceKind.Onboarding])],
        [SequenceKind.Onboarding] = [],
    };

    public async Task<IReadOnlyList<FunnelReport>> AllAsync(CancellationToken ct)
    {
        var (counts, journeys) = await ReadAsync(null, ct);
        return catalog.All.Select(d => Report(d.Kind, counts, journeys)).ToList();
    }

    public async Task<FunnelReport> ForAsync(SequenceKind kind, CancellationToken ct)
    {
        var (counts, journeys) = await ReadAsync(kind, ct);
        return Report(kind, counts, journeys);
    }

    /// <summary>
    /// The three counts are independent reads, so each runs on its own connection at the same time
    /// (SQLite's WAL and PostgreSQL both serve concurrent readers): the report takes as long as the
    /// slowest one, not their sum.
    /// </summary>
    private async Task<(List<StepCounts>, List<Journey>)> ReadAsync(SequenceKind? only, CancellationToken ct)
    {
        var counts = WithContext(db => CountsAsync(db, ct), ct);
        var started = WithContext(db => StartedAsync(db, only, ct), ct);
        var wentOn = WithContext(db => WentOnAsync(db, only, ct), ct);
        await Task.WhenAll(counts, started, wentOn);
        return (counts.Result, [.. started.Result, .. wentOn.Result]);
    }

    private async Task<T> WithContext<T>(Func<CampaignDbContext, Task<T>> read, CancellationToken ct)
    {
        await Task.Yield(); // off the caller's thread, so the three queries overlap
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await read(db);
    }

    /// <summary>How many sent steps of one template carry one combination of delivery bits.</summary>
    public sealed record FlagCount(string TemplateKey, int DeliveryFlags, long Count);

    /// <summary>
    /// One walk of the partial index <c>IX_Steps_Funnel</c> (sent steps only, so the webhook's inserts
    /// of scheduled steps skip it): a few dozen (template, bits) rows, summed per bit in memory. A
    /// template belongs to one sequence kind, so no join is needed. Joined to the sequences and left to
    /// its planner, SQLite took 1.4 s at 400,000 steps; this takes about 0.05 s (bench/README.md).
    /// </summary>
    private static async Task<List<StepCounts>> CountsAsync(CampaignDbContext db, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<FlagCount>("""
            SELECT "TemplateKey" AS "TemplateKey", "DeliveryFlags" AS "DeliveryFlags", COUNT(*) AS "Count"
            FROM "Steps" WHERE "Status" = 'Sent'
            GROUP BY "TemplateKey", "DeliveryFlags"
            """).ToListAsync(ct);
        return rows.GroupBy(r => r.TemplateKey).Select(g => new StepCounts(g.Key,
            (int)g.Sum(r => r.Count),
            Having(g, DeliveredOrLater), Having(g, DeliveryFlags.Opened), Having(g, DeliveryFlags.Clicked),
            Having(g, DeliveryFlags.Bounced), Having(g, DeliveryFlags.Complained), Having(g, DeliveryFlags.Unsubscribed))).ToList();
    }

    private static int Having(IEnumerable<FlagCount> rows, DeliveryFlags any) =>
        (int)rows.Where(r => ((DeliveryFlags)r.DeliveryFlags & any) != 0).Sum(r => r.Count);

    /// <summary>A template's sent steps and how many of them reached each outcome.</summary>
    private sealed record StepCounts(string TemplateKey, int Sent, int Delivered, int Opened, int Clicked, int Bounced, int Complained, int Unsubscribed);

    /// <summary>Contacts of one kind (<paramref name="Stage"/> empty) or of one kind who went on to a stage.</summary>
    public sealed record Journey(string Kind, string Stage, long Contacts);

    /// <summary>
    /// Counted in the database, a handful of rows back: each kind's contacts, and for each (kind, stage)
    /// the contacts with a sequence of the stage's kinds created at or after one of theirs of this kind
    /// (an onboarding before the assessment is not this funnel's success). Both walk the covering index
    /// <c>IX_Sequences_Funnel</c> (ContactId, Kind, CreatedAt), so no table page (payload JSON) is read.
    /// CROSS JOIN fixes SQLite's join order (scan a, probe b by contact); left to itself it probed a by
    /// the kind list, three probes per row and twice the time. Kinds and stages are this class's
    /// constants, written into the SQL; no input reaches it.
    /// </summary>
    private static Task<List<Journey>> StartedAsync(CampaignDbContext db, SequenceKind? only, CancellationToken ct)
    {
        string sql = $"""
            SELECT "Kind" AS "Kind", '' AS "Stage", COUNT(DISTINCT "ContactId") AS "Contacts"
            FROM "Sequences" WHERE "Kind" IN ({InList(From(only))}) GROUP BY "Kind"
            """;
        return db.Database.SqlQueryRaw<Journey>(sql).ToListAsync(ct);
    }

    private static async Task<List<Journey>> WentOnAsync(CampaignDbContext db, SequenceKind? only, CancellationToken ct)
    {
        var going = From(only).Where(f => NextStages[f].Length > 0).ToArray();
        if (going.Length == 0) return [];
        var stageOf = string.Join(" ", going.Select(f => $"WHEN '{f}' THEN CASE "
            + string.Join(" ", NextStages[f].Select(n => $"WHEN b.\"Kind\" IN ({InList(n.Kinds)}) THEN '{n.Stage}'")) + " END"));
        string sql = $"""
            SELECT "Kind", "Stage", COUNT(DISTINCT "ContactId") AS "Contacts" FROM (
                SELECT a."Kind" AS "Kind", CASE a."Kind" {stageOf} END AS "Stage", a."ContactId" AS "ContactId"
                FROM "Sequences" a CROSS JOIN "Sequences" b
                WHERE b."ContactId" = a."ContactId" AND b."Kind" <> a."Kind" AND b."CreatedAt" >= a."CreatedAt"
                    AND a."Kind" IN ({InList(going)})) pairs
            WHERE "Stage" IS NOT NULL GROUP BY "Kind", "Stage"
            """;
        return await db.Database.SqlQueryRaw<Journey>(sql).ToListAsync(ct);
    }

    private static SequenceKind[] From(SequenceKind? only) => only is { } k ? [k] : NextStages.Keys.ToArray();

    private static string InList(IEnumerable<SequenceKind> kinds) => string.Join(", ", kinds.Select(k => $"'{k}'"));

    private FunnelReport Report(SequenceKind kind, List<StepCounts> all, List<Journey> journeys)
    {
        var counts = all.ToDictionary(c => c.TemplateKey);
        var steps = catalog.Get(kind).Steps.Select(d => counts.TryGetValue(d.TemplateKey, out var c)
            ? new FunnelStep(d.Number, d.TemplateKey, c.Sent, c.Delivered, c.Opened, c.Clicked, c.Bounced, c.Complained, c.Unsubscribed)
            : new FunnelStep(d.Number, d.TemplateKey, 0, 0, 0, 0, 0, 0, 0)).ToList();

        var mine = journeys.Where(j => j.Kind == kind.ToString()).ToDictionary(j => j.Stage, j => (int)j.Contacts);
        var contacts = mine.GetValueOrDefault("");
        var wentOn = NextStages[kind].Select(n =>
        {
            var count = mine.GetValueOrDefault(n.Stage);
            return new FunnelStage(n.Stage, n.Label, count, contacts == 0 ? 0 : Math.Round((double)count / contacts, 4));
        }).ToList();
        return new FunnelReport(kind.ToApiName(), contacts, steps, wentOn);
    }
}
