using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SimulatorJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Campaign:QuietHours"] = "21:00-08:00" };

    protected override async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(now.AddHours(-20), "lena@salon.example"))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("postcall-maybe-handler", Webhooks.Postcall(now.AddHours(-2), "omar@coffee.example"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task TheSimulator_PlaysTheExampleCalls_AndShowsTheCalendarSubjectsAndSkips()
    {
        await using var console = await OpenConsoleAsync(1280, 1100);
        await console.SignInAsync();
        await Assertions.Expect(console.Page.Locator("a[href='/simulator']")).ToHaveCountAsync(1); // in the nav menu
        await console.GotoAsync("/simulator");
        await Assertions.Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Campaign simulator" })).ToBeVisibleAsync();

        await console.Page.ClickAsync("[data-testid=sim-run]");

        await Assertions.Expect(console.Page.Locator("[data-testid=sim-send-subject]").First).ToBeVisibleAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=sim-day]")).ToHaveCountAsync(11);
        await Assertions.Expect(console.Page.Locator("[data-testid=sim-skip-reason]").Filter(new() { HasText = "converted" }).First).ToBeVisibleAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=sim-sends]")).ToContainTextAsync("Welcome to BusOS, Sarah");
        await console.ScreenshotAsync("90-simulator");

        // Every active sequence: the two seeded ones.
        await console.Page.GetByText("Every active sequence", new() { Exact = true }).ClickAsync();
        await console.Page.ClickAsync("[data-testid=sim-run]");
        await Assertions.Expect(console.Page.Locator("[data-testid=sim-sends]")).ToContainTextAsync("omar@coffee.example");
        await Assertions.Expect(console.Page.Locator("[data-testid=sim-sends]")).ToContainTextAsync("lena@salon.example");
    }
}
