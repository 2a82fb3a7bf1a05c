using System.Text.RegularExpressions;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>Issue 11 in Chromium: the contact page's "Next" section, the export download, and an Admin's erasure behind a typed confirmation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactNextJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Sarah = "sarah.next@example.com";

    /// <summary>Sarah: an assessment (emails #2-#5 ahead) and a no-show sequence that has ended while its emails are still scheduled.</summary>
    protected override async Task SeedAsync()
    {
        var body = Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Sarah);
        (await App.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("noshow-recovery-handler", Webhooks.Noshow(DateTimeOffset.UtcNow.AddSeconds(-5), Sarah))).EnsureSuccessStatusCode();
        await App.WithDbAsync(db => db.Sequences.Where(s => s.Contact!.Email == Sarah && s.Kind == "noshow")
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SequenceStatus.Cancelled)));
    }

    [Fact]
    public async Task TheContactPage_ShowsWhatHappensNext_WithTheReasonARuleWouldStopAnEmail()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync($"/contacts/{Sarah}");

        var next = console.Page.Locator("[data-testid=next-send]");
        await Assertions.Expect(next).ToHaveCountAsync(7);
        await Assertions.Expect(console.Page.Locator("[data-testid=next-send][data-skip=yes]")).ToHaveCountAsync(3);
        await Assertions.Expect(console.Page.Locator("[data-testid=next-skip-reason]").First).ToHaveTextAsync("sequence is cancelled");
        foreach (var subject in await console.Page.Locator("[data-testid=next-subject]").AllTextContentsAsync())
            Assert.False(string.IsNullOrWhiteSpace(subject) || subject.Contains("{{") || subject == "—", subject);
        await console.Page.Locator("[data-testid=next-sends-card]").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(Screenshots.Directory, "13-contact-next.png"),
            Animations = ScreenshotAnimations.Disabled,
        });
        await console.ScreenshotAsync("14-contact-page-next");
    }

    [Fact]
    public async Task AnAdmin_DownloadsTheExport_ThenErasesThePerson_AfterTypingTheAddress()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync($"/contacts/{Sarah}");

        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.ClickAsync("[data-testid=export-contact]"));
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(Sarah, exported);

        await console.Page.ClickAsync("[data-testid=erase-contact]");
        var confirm = console.Page.Locator("[data-testid=erase-dialog-confirm]");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await console.Page.Locator("input[data-testid=erase-confirm-email], [data-testid=erase-confirm-email] input").First.FillAsync("someone.else@example.com");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await console.Page.Locator("input[data-testid=erase-confirm-email], [data-testid=erase-confirm-email] input").First.FillAsync(Sarah);
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await console.ScreenshotAsync("15-contact-erase-dialog");
        await confirm.ClickAsync();

        await Assertions.Expect(console.Page.Locator(".mud-snackbar")).ToContainTextAsync("erased");
        // Client-side navigation: no load event to wait for, only the address.
        await Assertions.Expect(console.Page).ToHaveURLAsync(new Regex("/contacts$"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Contacts.CountAsync(c => c.Email == Sarah)));
    }
}
