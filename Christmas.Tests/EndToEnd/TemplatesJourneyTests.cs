using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class TemplatesJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override async Task SeedAsync()
    {
        // Realistic data: contacts in every sequence, so the preview can be rendered for a real one.
        var now = DateTimeOffset.UtcNow;
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(now.AddMinutes(-5), "sarah@salon.example"))).EnsureSuccessStatusCode();
        var noshow = Webhooks.Noshow(now.AddMinutes(-2), "mike@garage.example");
        (noshow["first_name"], noshow["business_name"]) = ("Mike", "Mike's Garage");
        (await App.PostWebhookAsync("noshow-recovery-handler", noshow)).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("onboarding-handler", Webhooks.Onboarding(now.AddMinutes(-1), "ana@bakery.example"))).EnsureSuccessStatusCode();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task EditingATemplate_UpdatesThePreview_AndSavingAddsAVersionToTheHistory()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/templates");
        await Assertions.Expect(console.Page.Locator("[data-testid=template-row]")).ToHaveCountAsync(25);
        await Assertions.Expect(console.Page.Locator("[data-testid=template-group-assessment]")).ToContainTextAsync("CRITICAL");
        await console.ScreenshotAsync("20-templates");

        await console.Page.GetByRole(AriaRole.Link, new() { Name = "noshow-1", Exact = true }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=template-key]")).ToHaveTextAsync("noshow-1");
        var preview = console.Page.FrameLocator("[data-testid=preview-frame]").Locator("body");
        await Assertions.Expect(preview).ToContainTextAsync("Sarah");

        // Rendered for a real contact, found by email.
        await console.Page.Locator("[data-testid=preview-contact] input").FillAsync("mike@");
        await console.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "mike@garage.example" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=preview-source]")).ToContainTextAsync("Rendered for mike@garage.example");

        await console.Page.Locator("[data-testid=body-input] textarea").FillAsync(
            "Hi {{ first_name }},\n\nWe kept a seat for **{{ business_name }}** at the next workshop.\n\n[Pick a new time]({{ calendly_link }})\n");
        await Assertions.Expect(preview).ToContainTextAsync("Hi Mike, We kept a seat for Mike's Garage at the next workshop.");
        await Assertions.Expect(console.Page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();
        await console.ScreenshotAsync("21-template-editor");

        await console.Page.ClickAsync("[data-testid=save-template]");
        var history = console.Page.Locator("[data-testid=history-row]");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(history.First).ToContainTextAsync("v2 (current)");
        await Assertions.Expect(history.First).ToContainTextAsync(TestApp.AdminEmail);
        await Assertions.Expect(console.Page.Locator("[data-testid=current-version]")).ToContainTextAsync("v2");

        // Restoring v1 saves its text as v3.
        await history.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Restore", Exact = true }).ClickAsync();
        await Assertions.Expect(history).ToHaveCountAsync(3);
        await Assertions.Expect(history.First).ToContainTextAsync("v3 (current)");
        await Assertions.Expect(preview).Not.ToContainTextAsync("We kept a seat");

        var stored = await App.WithDbAsync(db => db.EmailTemplates.Where(t => t.Key == "noshow-1").OrderByDescending(t => t.Version).FirstAsync());
        Assert.Equal(3, stored.Version);
        Assert.DoesNotContain("We kept a seat", stored.Body);
        Assert.Contains("We kept a seat", (await App.WithDbAsync(db => db.EmailTemplates.SingleAsync(t => t.Key == "noshow-1" && t.Version == 2))).Body);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "template.save" && a.Target == "noshow-1")));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "template.restore" && a.Target == "noshow-1")));
    }

    [Fact]
    public async Task AnUnknownVariable_IsShownInline_AndCannotBeSaved()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/templates/postcall-2");

        await console.Page.Locator("[data-testid=body-input] textarea").FillAsync("Hi {{ favourite_colour }}");

        await Assertions.Expect(console.Page.Locator("[data-testid=template-error]")).ToContainTextAsync("favourite_colour");
        await console.Page.ClickAsync("[data-testid=save-template]");
        await Assertions.Expect(console.Page.Locator("[data-testid=history-row]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SendingATestEmail_PutsIt_InTheOutbox_WithATestSubject()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/templates/onboarding-1");
        var to = console.Page.Locator("[data-testid=test-send-to] input");

        await to.FillAsync("not an address");
        await console.Page.ClickAsync("[data-testid=test-send-button]");
        await Assertions.Expect(console.Page.Locator("[data-testid=test-send]")).ToContainTextAsync("Enter a valid email address");

        await to.FillAsync("qa@campaign.example");
        await console.Page.ClickAsync("[data-testid=test-send-button]");
        await Assertions.Expect(console.Page.Locator(".mud-snackbar")).ToContainTextAsync("Test email sent to qa@campaign.example");

        var outbox = await TestApp.JsonAsync(await App.Api.GetAsync("/api/outbox?to=qa@campaign.example"));
        var message = Assert.Single(outbox.GetProperty("results").EnumerateArray());
        Assert.StartsWith("[TEST] ", message.GetProperty("subject").GetString());
        Assert.StartsWith("test-", message.GetProperty("idempotencyKey").GetString());
        Assert.Equal("onboarding-1", message.GetProperty("templateKey").GetString());
        Assert.Contains("Sarah", message.GetProperty("text").GetString());
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "template.test-send" && a.Target == "onboarding-1")));
    }
}
