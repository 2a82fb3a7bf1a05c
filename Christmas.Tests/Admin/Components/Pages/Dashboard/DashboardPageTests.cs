using Bunit;
using Christmas.Admin.Components.Pages.Dashboard;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures.Components;
using Microsoft.EntityFrameworkCore;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Dashboard;

public sealed class DashboardPageTests : AppComponentTest
{
    [Fact]
    public async Task Dashboard_ShowsCountsNextSendsAndFailures_FromTheDatabase()
    {
        // Email #1 went out a minute ago (today), #2-#5 are days ahead: nothing is due while the test runs.
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        (await App.PostWebhookAsync("signup-handler", Payloads.Signup("only.signed.up@example.com"))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("assessment-handler", Payloads.Assessment(sentAt, "anna@example.com"))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("assessment-handler", Payloads.Assessment(sentAt, "bert@example.com"))).EnsureSuccessStatusCode();
        await FailOneStepAsync("bert@example.com", "Provider said 422: invalid recipient");

        var cut = Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=stat-contacts]").TextContent));
        Assert.Equal("2", cut.Find("[data-testid=stat-active-sequences]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=stat-sent-today]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=stat-failed]").TextContent);
        Assert.Contains("Sent in the last 14 days: 2", cut.Find("[data-testid=chart-summary]").TextContent);
        Assert.Contains("scheduled for the next 14 days: 7", cut.Find("[data-testid=chart-summary]").TextContent);

        var nextSends = cut.Find("[data-testid=next-sends]");
        Assert.Equal(7, nextSends.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("assessment-2", nextSends.TextContent);
        Assert.NotNull(nextSends.QuerySelector("a[href='/contacts/anna%40example.com']"));

        var failures = cut.Find("[data-testid=recent-failures]");
        Assert.Contains("Provider said 422: invalid recipient", failures.TextContent);
        Assert.NotNull(failures.QuerySelector("a[href='/contacts/bert%40example.com']"));
    }

    [Fact]
    public void Dashboard_SaysNothingIsScheduled_WhenTheDatabaseIsEmpty()
    {
        var cut = Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=stat-contacts]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=next-sends-empty]"));
        Assert.NotNull(cut.Find("[data-testid=failures-empty]"));
    }

    /// <summary>Takes the contact's first scheduled step through a send attempt that fails for good.</summary>
    private Task FailOneStepAsync(string email, string error) => App.WithDbAsync(async db =>
    {
        var step = await db.Steps.Where(s => s.Sequence!.Contact!.Email == email && s.Status == StepStatus.Scheduled)
            .OrderBy(s => s.Number).FirstAsync();
        step.BeginSending(step.NotBefore);
        step.MarkAttemptFailed(error, retryAt: null);
        return await db.SaveChangesAsync();
    });
}
