using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>An Admin after a restore: the Held steps page (cancel one, release the rest) and Settings' "Back up now".</summary>
[Collection(BrowserCollection.Name)]
public sealed class HeldStepsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task AnAdmin_CancelsOneHeldStep_ReleasesTheRest_AndBacksUpFromSettings()
    {
        const string email = "held@example.com";
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(DateTimeOffset.UtcNow, email))).EnsureSuccessStatusCode();
        // What a restore leaves (the restore itself is RestoreTests'): emails #2-#5 held.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Steps\" SET \"Status\" = 'Held' WHERE \"Status\" = 'Scheduled'"));

        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/");
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Held steps" }).ClickAsync();
        var rows = console.Page.Locator("[data-testid=held-row-email]");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(console.Page.Locator("[data-testid=held-release-all]")).ToContainTextAsync("(4)");
        await console.ScreenshotAsync("80-held-steps");

        await console.Page.Locator("[data-testid=held-cancel]").First.ClickAsync();
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel email" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(console.Page.Locator("[data-testid=held-release-all]")).ToContainTextAsync("(3)");
        await console.Page.ClickAsync("[data-testid=held-release-all]");
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Release all" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=held-empty]")).ToBeVisibleAsync();

        var contact = await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
        var statuses = contact.GetProperty("sequences")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(["sent", "cancelled", "scheduled", "scheduled", "scheduled"], statuses);
        var actions = await App.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync());
        Assert.Contains("held.cancel", actions);
        Assert.Contains("held.release", actions);

        await console.GotoAsync("/settings");
        await console.Page.ClickAsync("[data-testid=backups-now]");
        await Assertions.Expect(console.Page.Locator("[data-testid=backups-result]")).ToContainTextAsync("Made christmas-");
        await Assertions.Expect(console.Page.Locator("[data-testid=backups-row]")).ToHaveCountAsync(1);
        await console.ScreenshotAsync("81-settings-backups");
        var list = await App.Api.GetFromJsonAsync<JsonElement>("/api/backups");
        Assert.Equal(1, list.GetArrayLength());
    }
}
