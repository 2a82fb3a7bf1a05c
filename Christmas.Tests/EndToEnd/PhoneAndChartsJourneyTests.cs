using System.Globalization;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>
/// The console as a new user found it: on a phone (390 px) the dashboard's chart and a contact's
/// timeline fit the screen, chart axes follow the data, and leaving the chart pages logs no error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAndChartsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Email = "lena@salon.example";

    protected override async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(now.AddHours(-20), Email))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("postcall-maybe-handler", Webhooks.Postcall(now.AddHours(-2), "omar@coffee.example"))).EnsureSuccessStatusCode();
    }

    /// <summary>Nothing wider than the window: the page does not scroll sideways and the element's box ends inside the viewport.</summary>
    private static async Task AssertFitsAsync(IPage page, string selector, int width)
    {
        var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(overflow[0] <= overflow[1], $"the page is {overflow[0]} px wide in a {overflow[1]} px window");
        var element = page.Locator(selector).First;
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"{selector} spans {box.X}..{box.X + box.Width} in a {width} px window");
        var inner = await element.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(inner[0] <= inner[1] + 1, $"{selector} scrolls sideways ({inner[0]} px of content in {inner[1]} px)");
    }

    private static async Task<double> HighestYAxisLabelAsync(IPage page, string chart)
    {
        var labels = page.Locator($"{chart} svg .mud-charts-yaxis text");
        await Assertions.Expect(labels.First).ToBeAttachedAsync();
        var texts = await labels.AllTextContentsAsync();
        return texts.Select(t => double.Parse(t.Trim(), CultureInfo.InvariantCulture)).Max();
    }

    [Fact]
    public async Task OnAPhone_TheDashboardChartAndTheContactTimeline_FitTheScreen()
    {
        const int width = 390;
        await using var console = await OpenConsoleAsync(width, 844);
        await console.SignInAsync();

        await Assertions.Expect(console.Page.Locator(".mud-chart svg .mud-charts-bar-series path").First).ToBeAttachedAsync();
        await AssertFitsAsync(console.Page, ".mud-chart", width);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", await console.Page.Locator("[data-testid=next-sends]").InnerTextAsync());
        await console.ScreenshotAsync("95-dashboard-phone");

        await console.GotoAsync($"/contacts/{Uri.EscapeDataString(Email)}");
        await Assertions.Expect(console.Page.Locator("[data-testid=step]").First).ToBeVisibleAsync();
        await AssertFitsAsync(console.Page, "[data-testid=sequence]", width);
        await AssertFitsAsync(console.Page, "[data-testid=step]", width);
        // Times as people read them ("7 Dec, 14:05"), never ISO.
        var timeline = await console.Page.Locator("[data-testid=sequence]").First.InnerTextAsync();
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", timeline);
        Assert.Matches(@"\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", timeline);
        await console.ScreenshotAsync("96-contact-phone");
    }

    [Fact]
    public async Task ChartAxes_EndJustAboveTheData()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();

        // Three emails at most on any day (two contacts): the axis ends at a small number, not 20 or 100.
        Assert.InRange(await HighestYAxisLabelAsync(console.Page, ".mud-chart"), 1, 5);

        await console.GotoAsync("/simulator");
        await console.Page.GetByText("Every active sequence", new() { Exact = true }).ClickAsync();
        await console.Page.ClickAsync("[data-testid=sim-run]");
        await Assertions.Expect(console.Page.Locator("[data-testid=sim-day]").First).ToBeVisibleAsync();
        Assert.InRange(await HighestYAxisLabelAsync(console.Page, "[data-testid=sim-calendar]"), 1, 5);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task LeavingTheChartPages_LogsNoError()
    {
        var log = LogRecorder.AttachTo(App);
        var browserErrors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using (var console = await OpenConsoleAsync())
        {
            console.Page.Console += (_, message) => { if (message.Type == "error") browserErrors.Enqueue(message.Text); };
            console.Page.PageError += (_, error) => browserErrors.Enqueue(error);
            await console.SignInAsync();
            await Assertions.Expect(console.Page.Locator(".mud-chart svg").First).ToBeAttachedAsync();

            // Within the circuit: the menu's links, from each chart page to the next.
            await console.Page.ClickAsync("a[href='/funnel']");
            await Assertions.Expect(console.Page.Locator("[data-testid=funnel-table]")).ToBeVisibleAsync();
            await console.Page.ClickAsync("a[href='/simulator']");
            await console.Page.ClickAsync("[data-testid=sim-run]");
            await Assertions.Expect(console.Page.Locator("[data-testid=sim-calendar] svg").First).ToBeAttachedAsync();
            await console.Page.ClickAsync("a[href='/contacts']");
            await Assertions.Expect(console.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contacts$"));

            // A full page load away from a chart page ends its circuit, then the tab closes.
            await console.GotoAsync("/");
            await Assertions.Expect(console.Page.Locator(".mud-chart svg").First).ToBeAttachedAsync();
            await console.Page.GotoAsync("/account/login");
            await console.GotoAsync("/funnel");
            await Assertions.Expect(console.Page.Locator("[data-testid=funnel-table]")).ToBeVisibleAsync();

            // In a hurry: away from each chart page as soon as its circuit is live, before the chart has settled.
            for (var i = 0; i < 3; i++)
            {
                await console.GotoAsync("/");
                await console.Page.ClickAsync("a[href='/funnel']");
                await console.Page.ClickAsync("a[href='/simulator']");
                await console.Page.ClickAsync("a[href='/']");
                await console.Page.GotoAsync("/funnel");
                await console.Page.GotoAsync("/contacts");
            }
            await console.GotoAsync("/");
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // circuits of the closed tab are torn down

        var errors = log.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();
        Assert.True(errors.Count == 0, "logged while leaving chart pages:\n" + string.Join("\n", errors));
        Assert.True(browserErrors.IsEmpty, "the browser's console said:\n" + string.Join("\n", browserErrors));
    }
}
