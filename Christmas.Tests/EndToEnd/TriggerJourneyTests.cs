using System.Net.Http.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class TriggerJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(now.AddMinutes(-5), "sarah@salon.example"))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("signup-handler", Webhooks.Signup("tom@plumbing.example"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task TriggeringASequenceByHand_PreviewsTheSchedule_ThenStoresTheContactAndItsSteps()
    {
        const string email = "olivia@florist.example";
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/trigger");

        await console.Page.Locator("[data-testid=handler-select] .mud-input-control").ClickAsync();
        await console.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "postcall-maybe-handler" }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=handler-description]")).ToContainTextAsync("Post-call maybe");

        await console.Page.ClickAsync("[data-testid=preview-schedule]");
        await Assertions.Expect(console.Page.Locator("[data-testid=field-email]")).ToContainTextAsync("email is required.");

        await console.Page.Locator("[data-testid=field-email] input").FillAsync(email);
        await console.Page.Locator("[data-testid=field-first_name] input").FillAsync("Olivia");
        await console.Page.Locator("[data-testid=field-business_name] input").FillAsync("Olivia's Flowers");
        await console.Page.Locator("[data-testid=field-interest_level] input").FillAsync("high");
        await console.Page.ClickAsync("[data-testid=preview-schedule]");
        var planned = console.Page.Locator("[data-testid=planned-step]");
        await Assertions.Expect(planned).ToHaveCountAsync(3);
        await Assertions.Expect(planned.First).ToContainTextAsync("postcall-1");
        await console.ScreenshotAsync("30-trigger");

        await console.Page.ClickAsync("[data-testid=start-sequence]");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=trigger-result]")).ToContainTextAsync("started for " + email);
        await Assertions.Expect(console.Page.Locator("[data-testid=trigger-warning]")).ToHaveCountAsync(0);

        // An address on the suppression list: stored, but the operator is told nothing will go, not "started" alone.
        const string listed = "suppressed@florist.example";
        (await App.Api.PostAsJsonAsync("/api/suppressions", new { email = listed, reason = "manual" })).EnsureSuccessStatusCode();
        await console.Page.Locator("[data-testid=field-email] input").FillAsync(listed);
        await console.Page.ClickAsync("[data-testid=preview-schedule]");
        await console.Page.ClickAsync("[data-testid=start-sequence]");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=trigger-warning]")).ToContainTextAsync("is on the suppression list (manual since");
        await Assertions.Expect(console.Page.Locator("[data-testid=trigger-result]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-.*warning"));

        var contact = await TestApp.JsonAsync(await App.Api.GetAsync($"/api/contacts/{email}"));
        Assert.Equal("Olivia", contact.GetProperty("firstName").GetString());
        var sequence = Assert.Single(contact.GetProperty("sequences").EnumerateArray());
        Assert.Equal("postcall", sequence.GetProperty("kind").GetString());
        var steps = sequence.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["postcall-1", "postcall-2", "postcall-3"], steps.Select(s => s.GetProperty("templateKey").GetString()));
        Assert.All(steps, s => Assert.Equal("scheduled", s.GetProperty("status").GetString()));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sequence.trigger" && a.Target == email)));
        Assert.True(await App.WithDbAsync(db => db.Executions.AnyAsync(e => e.ContactEmail == email && e.Trigger == "manual:" + TestApp.AdminEmail)));
    }

    [Fact]
    public async Task TheContactPagesLink_PrefillsTheForm_AndShowsThatTheCallWouldBeDeduplicated()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/trigger?handler=assessment-handler&email=sarah@salon.example");

        await Assertions.Expect(console.Page.Locator("[data-testid=field-first_name] input")).ToHaveValueAsync("Sarah");
        await Assertions.Expect(console.Page.Locator("[data-testid=field-business_name] input")).ToHaveValueAsync("Sarah's Salon");
        foreach (var count in new[] { "red_systems", "orange_systems", "yellow_systems", "green_systems" })
            await console.Page.Locator($"[data-testid=field-{count}] input").FillAsync("2");
        await console.Page.ClickAsync("[data-testid=preview-schedule]");

        await Assertions.Expect(console.Page.Locator("[data-testid=preview-deduplicated]")).ToContainTextAsync("already exists");
    }
}
