using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Dashboard;

/// <summary>
/// The dashboard's figures. Each query is a count or a day-grouping done by the database over an
/// index (Steps(SentAt) partial, Steps(Status, NotBefore)), so it stays quick at 400,000 steps.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    public const int ChartDays = 14;
    public const int NextSendsShown = 20;
    public const int FailuresShown = 10;

    public async Task<DashboardSummary> SummaryAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateTime.SpecifyKind(now.Date, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(ct);

        var contacts = await db.Contacts.CountAsync(ct);
        var active = await db.Sequences.CountAsync(s => s.Status == SequenceStatus.Active, ct);
        // "SentAt >= x" implies "SentAt IS NOT NULL", so SQLite uses the partial index.
        var sentToday = await db.Steps.CountAsync(s => s.SentAt >= today, ct);
        var failed = await db.Steps.CountAsync(s => s.Status == StepStatus.Failed, ct);

        return new DashboardSummary(contacts, active, sentToday, failed,
            await SentPerDayAsync(db, today, ct), await ScheduledPerDayAsync(db, today, ct),
            await NextSendsAsync(db, ct), await RecentFailuresAsync(db, ct));
    }

    /// <summary>The last <see cref="ChartDays"/> days, today included, oldest first.</summary>
    private static async Task<IReadOnlyList<DailyCount>> SentPerDayAsync(CampaignDbContext db, DateTime today, CancellationToken ct)
    {
        var from = today.AddDays(1 - ChartDays);
        var rows = await db.Steps.Where(s => s.SentAt >= from)
            .GroupBy(s => s.SentAt!.Value.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return Days(from, rows.Select(r => (r.Day, r.Count)));
    }

    /// <summary>Today and the next days; steps already overdue (about to go) count for today.</summary>
    private static async Task<IReadOnlyList<DailyCount>> ScheduledPerDayAsync(CampaignDbContext db, DateTime today, CancellationToken ct)
    {
        var until = today.AddDays(ChartDays);
        var rows = await db.Steps.Where(s => s.Status == StepStatus.Scheduled && s.NotBefore < until)
            .GroupBy(s => s.NotBefore.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return Days(today, rows.Select(r => (r.Day < today ? today : r.Day, r.Count)));
    }

    private static Task<List<UpcomingSend>> NextSendsAsync(CampaignDbContext db, CancellationToken ct) =>
        db.Steps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Scheduled)
            .OrderBy(s => s.NotBefore).ThenBy(s => s.Id)
            .Take(NextSendsShown)
            .Select(s => new UpcomingSend(s.Id, s.Sequence!.Contact!.Email, s.TemplateKey, s.DueAt, s.NotBefore))
            .ToListAsync(ct);

    private static Task<List<RecentFailure>> RecentFailuresAsync(CampaignDbContext db, CancellationToken ct) =>
        db.Steps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Failed)
            .OrderByDescending(s => s.NotBefore).ThenByDescending(s => s.Id)
            .Take(FailuresShown)
            .Select(s => new RecentFailure(s.Id, s.Sequence!.Contact!.Email, s.TemplateKey, s.Attempts, s.LastError,
                s.ClaimedAt ?? s.NotBefore))
            .ToListAsync(ct);

    private static List<DailyCount> Days(DateTime first, IEnumerable<(DateTime Day, int Count)> counts)
    {
        var byDay = counts.GroupBy(c => DateOnly.FromDateTime(c.Day)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var start = DateOnly.FromDateTime(first);
        return Enumerable.Range(0, ChartDays)
            .Select(i => start.AddDays(i))
            .Select(day => new DailyCount(day, byDay.GetValueOrDefault(day)))
            .ToList();
    }
}
