using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>The monitoring pages with real traffic: the dashboard, the webhook calls, the Outbox and the audit log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string DueNow = "due.now@example.com";
    private const string OddCounts = "odd.counts@example.com";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task MonitoringPages_ShowTheCallsEmailsAndActions_OfRealTraffic()
    {
        var subject = await PostTrafficAsync();
        (await App.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = true })).EnsureSuccessStatusCode();

        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        var page = console.Page;

        // Dashboard: the counts of the traffic above, and the banner of the testing mode just switched on.
        await console.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("testing-mode-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("stat-contacts")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("stat-active-sequences")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("stat-failed")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("next-sends")).ToContainTextAsync(OddCounts);
        await console.ScreenshotAsync("01-dashboard");

        // Webhook calls: the call with odd counts opens to its warning, payload and log.
        await console.GotoAsync("/executions");
        var row = page.GetByTestId("executions-table").Locator("tbody tr", new() { HasText = OddCounts });
        await Assertions.Expect(row).ToContainTextAsync("assessment-handler");
        await Assertions.Expect(row).ToContainTextAsync("SUCCESS");
        await console.ScreenshotAsync("40-executions");
        await row.GetByTestId("execution-toggle").ClickAsync();
        var details = page.GetByTestId("execution-details");
        await Assertions.Expect(details.GetByTestId("execution-payload")).ToContainTextAsync("\"green_systems\": 1");
        await Assertions.Expect(details.GetByTestId("execution-payload")).ToContainTextAsync(OddCounts);
        await Assertions.Expect(details.GetByTestId("execution-warning").First).ToContainTextAsync("8");
        await Assertions.Expect(details.GetByTestId("execution-logs").GetByText("WARN", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(details.GetByTestId("execution-logs")).ToContainTextAsync("INFO");
        await Assertions.Expect(details.GetByTestId("execution-contact-link")).ToHaveAttributeAsync("href", "/contacts/odd.counts%40example.com");
        await console.ScreenshotAsync("41-execution-detail");

        // Outbox: the email that was due went out within seconds; it reads as the recipient sees it.
        await console.GotoAsync("/outbox");
        await Assertions.Expect(page.GetByTestId("outbox-table")).ToContainTextAsync(DueNow);
        await console.ScreenshotAsync("50-outbox");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Recipient" }).FillAsync(DueNow);
        await Assertions.Expect(page.GetByTestId("outbox-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await page.GetByTestId("outbox-open").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("outbox-subject")).ToHaveTextAsync(subject);
        await Assertions.Expect(page.GetByTestId("outbox-to")).ToHaveTextAsync(DueNow);
        await Assertions.Expect(page.GetByTestId("outbox-html")).ToHaveAttributeAsync("sandbox", "");
        await Assertions.Expect(page.FrameLocator("[data-testid=outbox-html]").Locator("body")).ToContainTextAsync("Sarah");
        await Assertions.Expect(page.FrameLocator("[data-testid=outbox-html]").GetByRole(AriaRole.Link, new() { Name = "Unsubscribe" })).ToBeVisibleAsync();
        await console.ScreenshotAsync("51-outbox-message");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Plain text" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("outbox-text")).ToContainTextAsync("Sarah");

        // Audit log: the testing-mode switch made through the API, with who made it.
        await console.GotoAsync("/audit");
        var entry = page.GetByTestId("audit-table").Locator("tbody tr", new() { HasText = "testing-mode.set" });
        await Assertions.Expect(entry).ToContainTextAsync("api-token");
        await Assertions.Expect(entry).ToContainTextAsync("on");
        await console.ScreenshotAsync("60-audit");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search" }).FillAsync("no-such-action");
        await Assertions.Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MonitoringPages_FitAPhone()
    {
        await PostTrafficAsync();
        await using var console = await OpenConsoleAsync(width: 390, height: 844);
        await console.SignInAsync();

        await console.GotoAsync("/");
        await Assertions.Expect(console.Page.GetByTestId("stat-contacts")).ToHaveTextAsync("4");
        await Assertions.Expect(console.Page.GetByTestId("stat-contacts")).ToBeInViewportAsync();
        await AssertNoSidewaysScrollAsync(console.Page, "/");
        await console.ScreenshotAsync("02-dashboard-phone");

        await console.GotoAsync("/executions");
        await Assertions.Expect(console.Page.GetByTestId("executions-table")).ToContainTextAsync(OddCounts);
        await AssertNoSidewaysScrollAsync(console.Page, "/executions");
        await console.ScreenshotAsync("42-executions-phone");

        await console.GotoAsync("/outbox");
        await Assertions.Expect(console.Page.FrameLocator("[data-testid=outbox-html]").Locator("body")).ToContainTextAsync("Sarah");
        await AssertNoSidewaysScrollAsync(console.Page, "/outbox");
        // What the phone shows once scrolled to the email (Chromium paints no iframe below the fold in a full-page shot).
        await console.Page.GetByTestId("outbox-message").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(console.Page.FrameLocator("[data-testid=outbox-html]").GetByText("Hi Sarah")).ToBeInViewportAsync();
        await console.Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, "52-outbox-phone.png") });
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string path)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone");
    }

    /// <summary>Four contacts, three sequences; one assessment is a day old, so its email #2 is due now and lands in the Outbox.</summary>
    /// <returns>The subject of that email.</returns>
    private async Task<string> PostTrafficAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await PostAsync("signup-handler", Webhooks.Signup("just.signed.up@example.com"));
        // Two minutes past the +24 h of email #2: overdue by far less than the 12 h grace, so sent at once.
        await PostAsync("assessment-handler", Webhooks.Assessment(now.AddHours(-24).AddMinutes(-2), DueNow));
        var odd = Webhooks.Assessment(now.AddMinutes(-1), OddCounts);
        odd["green_systems"] = 1; // 2 + 1 + 2 + 1 = 6 of the 8 systems: accepted with a warning
        await PostAsync("assessment-handler", odd);
        // A call missed six minutes ago: its first email (+5 min) goes out at once too.
        await PostAsync("noshow-recovery-handler", Webhooks.Noshow(now.AddMinutes(-6), "missed.call@example.com"));

        var outbox = await Eventually.WaitAsync(
            async () => await TestApp.JsonAsync(await App.Api.GetAsync($"/api/outbox?to={Uri.EscapeDataString(DueNow)}")),
            json => json.GetProperty("total").GetInt32() > 0, TimeSpan.FromSeconds(20), "email #2 of the day-old assessment in the Outbox");
        return outbox.GetProperty("results")[0].GetProperty("subject").GetString()!;
    }

    private async Task PostAsync(string handler, object body) =>
        (await App.PostWebhookAsync(handler, body)).EnsureSuccessStatusCode();
}
