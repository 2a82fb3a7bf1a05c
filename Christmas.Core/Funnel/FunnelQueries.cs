using Christmas.Core.Campaign.Live;
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
public sealed class FunnelQueries(IDbContextFactory<CampaignDbContext> contexts, PublishedCampaign campaign)
{
    private const DeliveryFlags DeliveredOrLater = DeliveryFlags.Delivered | DeliveryFlags.Opened | DeliveryFlags.Clicked;

    public async Task<IReadOnlyList<FunnelReport>> AllAsync(CancellationToken ct)
    {
        var live = await campaign.CurrentAsync(ct);
        var (counts, journeys) = await ReadAsync(live, null, ct);
        return live.Sequences.Select(d => Report(live, d, counts, journeys)).ToList();
    }

    /// <returns>Null when the published definition has no such sequence.</returns>
    public async Task<FunnelReport?> ForAsync(string kind, CancellationToken ct)
    {
        var live = await campaign.CurrentAsync(ct);
        if (live.Sequence(kind) is not { } definition) return null;
        var (counts, journeys) = await ReadAsync(live, definition, ct);
        return Report(live, definition, counts, journeys);
    }

    /// <summary>
    /// The three counts are independent reads, so each runs on its own connection at the same time
    /// (SQLite's WAL and PostgreSQL both serve concurrent readers): the report takes as long as the
    /// slowest one, not their sum.
    /// </summary>
    private async Task<(List<StepCounts>, List<Journey>)> ReadAsync(LiveCampaign live, SequenceDefinition? only, CancellationToken ct)
    {
        var kinds = only is null ? live.Sequences.Select(d => d.Name).ToList() : [only.Name];
        var counts = WithContext(db => CountsAsync(db, ct), ct);
        var started = WithContext(db => StartedAsync(db, kinds, ct), ct);
        var wentOn = WithContext(db => WentOnAsync(db, live, kinds, ct), ct);
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

    /// <summary>Contacts of one kind (<paramref name="Stage"/> empty), or of one kind by the furthest stage they reached afterwards (its index, two digits).</summary>
    public sealed record Journey(string Kind, string Stage, long Contacts);

    /// <summary>
    /// Counted in the database, a handful of rows back: each kind's contacts, and for each kind its contacts
    /// by the furthest stage (<see cref="FunnelStages"/>) of a sequence created at or after one of theirs of
    /// this kind (an onboarding before the assessment is not this funnel's success). Both walk the covering
    /// index <c>IX_Sequences_Funnel</c> (ContactId, Kind, CreatedAt), so no table page (payload JSON) is read.
    /// CROSS JOIN fixes SQLite's join order (scan a, probe b by contact). Kinds are the definition's names
    /// (<c>^[a-z][a-z0-9-]*$</c>, checked when saved), written into the SQL; no request input reaches it.
    /// </summary>
    private static Task<List<Journey>> StartedAsync(CampaignDbContext db, IReadOnlyList<string> kinds, CancellationToken ct)
    {
        string sql = $"""
            SELECT "Kind" AS "Kind", '' AS "Stage", COUNT(DISTINCT "ContactId") AS "Contacts"
            FROM "Sequences" WHERE "Kind" IN ({InList(kinds)}) GROUP BY "Kind"
            """;
        return db.Database.SqlQueryRaw<Journey>(sql).ToListAsync(ct);
    }

    private static async Task<List<Journey>> WentOnAsync(CampaignDbContext db, LiveCampaign live, IReadOnlyList<string> kinds, CancellationToken ct)
    {
        var staged = live.Sequences.Where(d => d.Stage is not null).ToList();
        if (staged.Count == 0 || kinds.Count == 0) return [];
        var stageOf = string.Join(" ", staged.Select(d => $"WHEN '{d.Name}' THEN '{FunnelStages.IndexOf(live, d.Stage!):D2}'"));
        string sql = $"""
            SELECT "Kind", "Stage", COUNT(*) AS "Contacts" FROM (
                SELECT a."Kind" AS "Kind", a."ContactId" AS "ContactId", MAX(CASE b."Kind" {stageOf} END) AS "Stage"
                FROM "Sequences" a CROSS JOIN "Sequences" b
                WHERE b."ContactId" = a."ContactId" AND b."Kind" <> a."Kind" AND b."CreatedAt" >= a."CreatedAt"
                    AND a."Kind" IN ({InList(kinds)})
                GROUP BY a."Kind", a."ContactId") furthest
            WHERE "Stage" IS NOT NULL GROUP BY "Kind", "Stage"
            """;
        return await db.Database.SqlQueryRaw<Journey>(sql).ToListAsync(ct);
    }

    private static string InList(IEnumerable<string> kinds) => string.Join(", ", kinds.Select(k => $"'{k}'"));

    private static FunnelReport Report(LiveCampaign live, SequenceDefinition definition, List<StepCounts> all, List<Journey> journeys)
    {
        var counts = all.ToDictionary(c => c.TemplateKey);
        var steps = definition.Steps.Select(d => counts.TryGetValue(d.TemplateKey, out var c)
            ? new FunnelStep(d.Number, d.TemplateKey, c.Sent, c.Delivered, c.Opened, c.Clicked, c.Bounced, c.Complained, c.Unsubscribed)
            : new FunnelStep(d.Number, d.TemplateKey, 0, 0, 0, 0, 0, 0, 0)).ToList();

        var mine = journeys.Where(j => j.Kind == definition.Name).ToList();
        var contacts = (int)mine.Where(j => j.Stage == "").Sum(j => j.Contacts);
        var furthest = mine.Where(j => j.Stage != "").ToDictionary(j => int.Parse(j.Stage, System.Globalization.CultureInfo.InvariantCulture), j => (int)j.Contacts);
        // A contact who reached a later stage passed the earlier ones: each stage counts its own and every later one.
        var wentOn = FunnelStages.After(live, definition).Select(stage =>
        {
            var count = furthest.Where(f => f.Key >= stage.Index).Sum(f => f.Value);
            return new FunnelStage(stage.Key, stage.Label, count, contacts == 0 ? 0 : Math.Round((double)count / contacts, 4));
        }).ToList();
        return new FunnelReport(definition.Name, contacts, steps, wentOn);
    }
}
