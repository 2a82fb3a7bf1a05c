using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Audit;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SettingsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task TurningTestingModeOn_ShowsTheBanner_AndReschedulingMovesThePendingSteps()
    {
        // A production-mode assessment: emails #2-#5 pending at days' distance.
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(DateTimeOffset.UtcNow, "maria@example.com"))).EnsureSuccessStatusCode();
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/settings");
        await Assertions.Expect(console.Page.Locator("[data-testid=testing-mode-banner]")).ToHaveCountAsync(0);

        await console.Page.ClickAsync("[data-testid=testing-mode-toggle]");
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();

        await Assertions.Expect(console.Page.Locator("[data-testid=testing-mode-banner]")).ToBeVisibleAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=testing-mode-state]")).ToHaveTextAsync("On");
        await Assertions.Expect(console.Page.Locator("[data-testid=reschedule-waiting]")).ToContainTextAsync("4 step(s)");

        await console.Page.ClickAsync("[data-testid=reschedule-start]");
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=reschedule-result]")).ToContainTextAsync("moved 4 step(s) to testing timing");
        await console.ScreenshotAsync("70-settings");

        var contact = await (await App.Api.GetAsync("/api/contacts/maria@example.com")).Content.ReadFromJsonAsync<JsonElement>();
        var sequence = contact.GetProperty("sequences")[0];
        Assert.Equal("testing", sequence.GetProperty("mode").GetString());
        var actions = await App.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync());
        Assert.Contains("testing-mode.set", actions);
        Assert.Contains("steps.reschedule", actions);

        // The banner follows the mode on every page, and goes when it is turned off (here through the API).
        await console.GotoAsync("/contacts");
        await Assertions.Expect(console.Page.Locator("[data-testid=testing-mode-banner]")).ToBeVisibleAsync();
        await App.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = false });
        await Assertions.Expect(console.Page.Locator("[data-testid=testing-mode-banner]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WebhookUrls_AreShownWithMaskedKeys_ThatCanBeRevealed()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/settings");

        var urls = console.Page.Locator("[data-testid=webhook-url]");
        await Assertions.Expect(urls).ToHaveCountAsync(5);
        Assert.DoesNotContain("assessment-webhook-key", await console.Page.Locator("[data-testid=webhook-urls]").InnerTextAsync());

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the key of assessment-handler" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=webhook-urls]")).ToContainTextAsync(
            "http://localhost:8080/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key");
    }

    [Fact]
    public async Task AnAdmin_AddsAMarketer_WhoCanSignInWithTheShownPassword_ButNotOpenUsers()
    {
        await using var admin = await OpenConsoleAsync();
        await admin.SignInAsync();
        await admin.GotoAsync("/users");
        await admin.Page.Locator("[data-testid=new-user-email]").Locator("xpath=descendant-or-self::input").FillAsync("Lee@Example.com");
        await admin.Page.ClickAsync("[data-testid=new-user-add]");

        var shown = admin.Page.Locator("[data-testid=generated-password] code");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        var password = await shown.InnerTextAsync();
        await Assertions.Expect(admin.Page.Locator("[data-testid=users-table]")).ToContainTextAsync("lee@example.com");
        await admin.ScreenshotAsync("71-users");

        await using var marketer = await OpenConsoleAsync();
        await marketer.SignInAsync("lee@example.com", password);
        await Assertions.Expect(marketer.Page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync("lee@example.com");
        await marketer.Page.GotoAsync("/users");
        await Assertions.Expect(marketer.Page.Locator("[data-testid=not-allowed]")).ToBeVisibleAsync();

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "user.add").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(TestApp.AdminEmail, entry.Actor);
        Assert.Equal(ConsoleRoles.Marketer, entry.Detail);
    }
}
