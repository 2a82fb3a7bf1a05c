using Christmas.Core.Dashboard;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Core.Dashboard;

/// <summary>The dashboard's day buckets on a fixed clock: UTC days, 14 back including today, 14 ahead from today.</summary>
public sealed class DashboardQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Summary_CountsEachEmailOnItsUtcDay_WithinTheFourteenDayWindows()
    {
        // Email #1 two days ago (#2 is then overdue past the grace and skipped; #3-#5 are ahead).
        await PostAsync(Now.AddDays(-2).AddHours(1), "recent@example.com");
        // On the first day of the window, and on the day before it (all later emails overdue: skipped).
        await PostAsync(Now.AddDays(-13).AddHours(-2), "edge@example.com");
        await PostAsync(Now.AddDays(-14).AddHours(-2), "outside@example.com");

        var summary = await _app.Services.GetRequiredService<DashboardQueries>().SummaryAsync(CancellationToken.None);

        Assert.Equal(3, summary.Contacts);
        Assert.Equal(1, summary.ActiveSequences);
        Assert.Equal(0, summary.SentToday);
        Assert.Equal(new DateOnly(2026, 11, 27), summary.SentPerDay[0].Day);
        Assert.Equal(new DateOnly(2026, 12, 10), summary.SentPerDay[^1].Day);
        Assert.Equal(["2026-11-27: 1", "2026-12-08: 1"], NonZero(summary.SentPerDay));
        Assert.Equal(new DateOnly(2026, 12, 10), summary.ScheduledPerDay[0].Day);
        Assert.Equal(14, summary.ScheduledPerDay.Count);
        Assert.Equal(["2026-12-11: 1", "2026-12-12: 1", "2026-12-13: 1"], NonZero(summary.ScheduledPerDay));
        // The contact is CRITICAL (2 red systems): the next sends name the variant it gets.
        Assert.Equal(["assessment-3.critical", "assessment-4.critical", "assessment-5.critical"], summary.NextSends.Select(s => s.TemplateKey));
        Assert.All(summary.NextSends, s => Assert.Equal("recent@example.com", s.ContactEmail));
        Assert.Empty(summary.RecentFailures);
    }

    private static string[] NonZero(IEnumerable<DailyCount> days) =>
        days.Where(d => d.Count > 0).Select(d => $"{d.Day:yyyy-MM-dd}: {d.Count}").ToArray();

    private async Task PostAsync(DateTimeOffset sentAt, string email) =>
        (await _app.PostWebhookAsync("assessment-handler", Payloads.Assessment(sentAt, email))).EnsureSuccessStatusCode();
}
