using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>Issue 4's contact journeys in Chromium: find a contact, cancel its sequence, re-send a step and see it in the Outbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Sarah = "sarah.jones@example.com";

    /// <summary>A handful of realistic contacts: assessments in each segment (email #1 sent a minute ago, so #2-#5 are scheduled) and sign-ups.</summary>
    protected override async Task SeedAsync()
    {
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        (string Email, string Name, string Business, int Red, int Orange)[] assessed =
        [
            (Sarah, "Sarah", "Sarah's Salon", 2, 1),
            ("mike@northpeakplumbing.ca", "Mike", "North Peak Plumbing", 1, 2),
            ("priya@brightsmiles.example", "Priya", "Bright Smiles Dental", 0, 1),
            ("tom@harbourcoffee.example", "Tom", "Harbour Coffee", 3, 2),
        ];
        foreach (var (email, name, business, red, orange) in assessed)
        {
            var body = Webhooks.Assessment(sentAt, email);
            (body["first_name"], body["business_name"], body["red_systems"], body["orange_systems"]) = (name, business, red, orange);
            (body["yellow_systems"], body["green_systems"]) = (2, 8 - red - orange - 2);
            (await App.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();
        }
        foreach (var (email, name, business) in new[] { ("lena@fitstudio.example", "Lena", "Fit Studio"), ("omar@omarslandscaping.example", "Omar", "Omar's Landscaping") })
        {
            var body = Webhooks.Signup(email);
            (body["first_name"], body["business_name"]) = (name, business);
            (await App.PostWebhookAsync("signup-handler", body)).EnsureSuccessStatusCode();
        }
        var postcall = Webhooks.Postcall(DateTimeOffset.UtcNow.AddHours(-2), "mike@northpeakplumbing.ca");
        (postcall["first_name"], postcall["business_name"]) = ("Mike", "North Peak Plumbing");
        (await App.PostWebhookAsync("postcall-maybe-handler", postcall)).EnsureSuccessStatusCode();
    }

    private static ILocator SearchBox(IPage page) => page.Locator("input[data-testid=contact-search], [data-testid=contact-search] input").First;

    [Fact]
    public async Task AnOperator_FindsAContact_CancelsItsSequence_AndResendsAStepThatReachesTheOutbox()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/contacts");
        var links = console.Page.Locator("[data-testid=contact-link]");
        await Assertions.Expect(links).ToHaveCountAsync(6);
        await console.ScreenshotAsync("10-contacts");

        await SearchBox(console.Page).FillAsync("sarah.jones@");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        await Assertions.Expect(links).ToHaveTextAsync(Sarah);
        await links.ClickAsync();

        await Assertions.Expect(console.Page.Locator("[data-testid=contact-email]")).ToHaveTextAsync(Sarah);
        await Assertions.Expect(console.Page.Locator("[data-testid=red-systems]")).ToContainTextAsync("2 red");
        var steps = console.Page.Locator("[data-testid=step]");
        await Assertions.Expect(steps).ToHaveCountAsync(5);
        await Assertions.Expect(console.Page.Locator("[data-testid=step][data-status=scheduled]")).ToHaveCountAsync(4);

        // Cancel, with a reason: the scheduled steps become cancelled, the reason shows, the audit log has it.
        await console.Page.ClickAsync("[data-testid=cancel-sequence]");
        await console.Page.Locator("textarea[data-testid=cancel-reason], [data-testid=cancel-reason] textarea").First.FillAsync("Booked a call by phone");
        await console.Page.ClickAsync("[data-testid=cancel-dialog-confirm]");
        await Assertions.Expect(console.Page.Locator(".mud-snackbar")).ToContainTextAsync("sequence cancelled");
        await Assertions.Expect(console.Page.Locator("[data-testid=step][data-status=cancelled]")).ToHaveCountAsync(4);
        await Assertions.Expect(console.Page.Locator("[data-testid=sequence-status]")).ToHaveTextAsync("cancelled");
        await Assertions.Expect(console.Page.Locator("[data-testid=sequence-ended]")).ToContainTextAsync("Booked a call by phone");
        await Assertions.Expect(console.Page.Locator("[data-testid=cancel-sequence]")).ToHaveCountAsync(0);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "sequence.cancel").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(TestApp.AdminEmail, entry.Actor);
        Assert.Equal("Booked a call by phone", entry.Detail);

        // Re-send email #2 (cancelled a moment ago): it goes out now, into the Outbox.
        var second = console.Page.Locator("[data-testid=step]").Nth(1);
        await second.Locator("[data-testid=resend-step]").ClickAsync();
        await console.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Re-send", Exact = true }).ClickAsync();
        await Assertions.Expect(console.Page.Locator(".mud-snackbar").Last).ToContainTextAsync("being sent again");
        var outbox = await Eventually.WaitAsync(
            () => App.Api.GetFromJsonAsync<JsonElement>($"/api/outbox?to={Uri.EscapeDataString(Sarah)}"),
            page => page.GetProperty("total").GetInt32() > 0, TimeSpan.FromSeconds(15), "the re-sent email in the Outbox");
        var message = outbox.GetProperty("results")[0];
        Assert.StartsWith("assessment-2", message.GetProperty("templateKey").GetString());
        Assert.Equal(Sarah, message.GetProperty("to").GetString());
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()), a => a == "step.resend");

        await console.Page.ReloadAsync();
        await console.WaitForInteractiveAsync();
        await Assertions.Expect(second).ToHaveAttributeAsync("data-status", "sent");
        await Assertions.Expect(second).ToContainTextAsync("scheduler");
        await console.ScreenshotAsync("11-contact-detail"); // after both actions: website, scheduler, cancelled and the reason all show
    }

    [Fact]
    public async Task TheContactsPage_FiltersBySegment_AndWorksAtPhoneWidth()
    {
        await using var console = await OpenConsoleAsync(width: 390, height: 844);
        await console.SignInAsync();
        await console.GotoAsync("/contacts");
        var links = console.Page.Locator("[data-testid=contact-link]");
        await Assertions.Expect(links).ToHaveCountAsync(6);

        await console.Page.ClickAsync("[data-testid=segment-filter]");
        await console.Page.GetByRole(AriaRole.Option, new() { Name = "CRITICAL", Exact = true }).ClickAsync();
        await Assertions.Expect(links).ToHaveCountAsync(2);
        await Assertions.Expect(console.Page.Locator("[data-testid=export-csv]")).ToHaveAttributeAsync("href", "/api/contacts/export.csv?segment=CRITICAL");
        await console.ScreenshotAsync("12-contacts-phone");
        await links.First.ClickAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=contact-email]")).ToBeVisibleAsync();
        await console.Page.ScreenshotAsync(new() { Path = "/tmp/contact-detail-phone.png", FullPage = true });
    }

    [Fact]
    public async Task TheGrid_SortsByAClickedHeader_AndExportsTheCurrentFilterAsACsvDownload()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/contacts");
        var links = console.Page.Locator("[data-testid=contact-link]");
        await Assertions.Expect(links).ToHaveCountAsync(6);

        await console.Page.Locator("[data-testid=contacts-grid] th").Filter(new() { HasText = "Email" }).GetByText("Email", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(links.First).ToHaveTextAsync("lena@fitstudio.example");
        await Assertions.Expect(links.Last).ToHaveTextAsync("tom@harbourcoffee.example");

        await SearchBox(console.Page).FillAsync("example.com");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.ClickAsync("[data-testid=export-csv]"));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("email,", lines[0]);
        Assert.StartsWith(Sarah + ",", Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task AnUnknownEmail_ShowsAFriendlyMessage_NotAnError()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/contacts/nobody@example.com");

        await Assertions.Expect(console.Page.Locator("[data-testid=contact-not-found]")).ToContainTextAsync("no contact with the email nobody@example.com");
        await Assertions.Expect(console.Page.Locator("[data-testid=page-error]")).ToHaveCountAsync(0);
    }
}
