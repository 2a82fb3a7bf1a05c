using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>An operator looks at Notion in Chromium while Notion is down: Settings say why, the contact page says "pending".</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotionJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Sarah = "sarah.notion@example.com";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notion:Token"] = "x",
        ["Notion:BaseUrl"] = "http://127.0.0.1:9",
        ["Notion:ContactsDatabaseId"] = "db1",
        ["Notion:SequenceTrackerDatabaseId"] = "db2",
        ["Notion:RequestTimeout"] = "00:00:01",
    };

    protected override async Task SeedAsync() =>
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Sarah))).EnsureSuccessStatusCode();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AnUnreachableNotion_IsExplainedOnSettings_AndContactsShowTheirPagesPending()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/settings");

        // The mirror's first schema read gives up after its retries; the card refreshes itself and shows why.
        await Assertions.Expect(console.Page.Locator("[data-testid=notion-mapping][data-database=contacts] [data-testid=mapping-error]"))
            .ToContainTextAsync("unreachable", new() { Timeout = 45_000 });
        // Both databases are read in turn, each after its retries.
        await Assertions.Expect(console.Page.Locator("[data-testid=notion-health]")).ToHaveTextAsync("Trouble", new() { Timeout = 45_000 });
        await Assertions.Expect(console.Page.Locator("[data-testid=import-contacts-dry-run]")).ToBeVisibleAsync();
        await console.ScreenshotAsync("80-settings-notion");

        await console.GotoAsync($"/contacts/{Uri.EscapeDataString(Sarah)}");
        await Assertions.Expect(console.Page.Locator("[data-testid=notion-badge]").First)
            .ToHaveAttributeAsync("data-status", "pending");
        await Assertions.Expect(console.Page.Locator("[data-testid=sequence] [data-testid=notion-badge]")).ToHaveAttributeAsync("data-status", "pending");
        await Assertions.Expect(console.Page.Locator("[data-testid=notion-link]")).ToHaveCountAsync(0);
        await console.ScreenshotAsync("81-contact-notion");
    }
}
