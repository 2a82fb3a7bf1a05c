using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Christmas.Tests.Fixtures.Notion;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>
/// The switch from the old system in Chromium, against the Notion stand-in in the old layout: Settings
/// show the mirror healthy and the mapping found by configuration, the contacts import runs as a dry
/// run and then for real, and the contact page links to the person's page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotionSyncedJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Sarah = "sarah.synced@example.com";
    private NotionWorkspace _notion = null!;

    protected override async Task PrepareAsync()
    {
        _notion = await NotionWorkspace.StartAsync(oldLayout: true);
        _notion.Notion.AddPage(_notion.ContactsDb, NotionWorkspace.OldContact("dana@example.com", "Dana", "Dana's Diner"));
        _notion.Notion.AddPage(_notion.ContactsDb, NotionWorkspace.OldContact("dana@example.com", "Danielle"));
        _notion.Notion.AddPage(_notion.ContactsDb, NotionWorkspace.OldContact("eve@example.com", "Eve", "Eve's Bakery"));
    }

    protected override IDictionary<string, string?> Settings =>
        _notion.Settings(extra: new Dictionary<string, string?> { ["Notion:Contacts:Properties:BusinessName"] = "last_name" });

    protected override async Task SeedAsync()
    {
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Sarah))).EnsureSuccessStatusCode();
        await NotionWorkspace.DrainedAsync(App);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _notion.DisposeAsync();
    }

    [Fact]
    public async Task TheOldDatabases_AreMirroredAndImported_FromSettings()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/settings");

        await Assertions.Expect(console.Page.Locator("[data-testid=notion-health]")).ToHaveTextAsync("Healthy");
        var contacts = console.Page.Locator("[data-testid=notion-mapping][data-database=contacts]");
        await Assertions.Expect(contacts.Locator("[data-testid=mapping-row]", new() { HasText = "BusinessName" })).ToContainTextAsync("last_name");
        await Assertions.Expect(contacts.Locator("[data-testid=mapping-row]", new() { HasText = "RedSystems" })).ToContainTextAsync("missing");

        await console.Page.Locator("[data-testid=import-contacts-dry-run]").ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=contacts-summary-counts]")).ToContainTextAsync("Dry run");
        await console.Page.Locator("[data-testid=import-contacts-run]").ClickAsync();
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=contacts-summary-counts]")).ToContainTextAsync("Imported");
        await Assertions.Expect(console.Page.Locator("[data-testid=contacts-merged]")).ToContainTextAsync("dana@example.com");
        await console.ScreenshotAsync("82-settings-notion-import");

        await console.GotoAsync($"/contacts/{Uri.EscapeDataString(Sarah)}");
        await Assertions.Expect(console.Page.Locator("[data-testid=notion-badge]").First).ToHaveAttributeAsync("data-status", "synced");
        var page = Assert.Single(_notion.ContactPages, p => p.Email("email") == Sarah);
        await Assertions.Expect(console.Page.Locator("[data-testid=notion-link]").First).ToHaveAttributeAsync("href", $"https://www.notion.so/{page.Id.Replace("-", "")}");
        await console.ScreenshotAsync("83-contact-notion-synced");
    }
}
