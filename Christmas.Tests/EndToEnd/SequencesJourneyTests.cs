using Christmas.Core.Campaign.Revisions;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>Changing the campaign in the browser: a 6th assessment email added on Sequences, its text edited, the draft saved, reviewed and published, and the revisions compared.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SequencesJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        (await App.PostWebhookAsync("assessment-handler", Webhooks.Assessment(now.AddMinutes(-5), "sarah@salon.example"))).EnsureSuccessStatusCode();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AddingAnEmailToTheAssessment_SavedReviewedAndPublished_ReachesAContactInFlight()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Sequences", Exact = true }).ClickAsync();
        await console.WaitForInteractiveAsync();
        var assessment = console.Page.Locator("[data-testid=sequence][data-sequence=assessment]");
        await Assertions.Expect(assessment.Locator("[data-testid=timeline-step]")).ToHaveCountAsync(5);
        await console.ScreenshotAsync("64-sequences");

        await assessment.Locator("[data-testid=add-step]").ClickAsync();
        var subject = console.Page.Locator("[data-testid=step-template-subject] input");
        await Assertions.Expect(subject).Not.ToHaveValueAsync("");
        await console.ScreenshotAsync("65-sequences-new-step-text");
        await subject.FillAsync("Last chance, {{ first_name }}");
        await console.Page.ClickAsync("[data-testid=step-template-save]");
        await Assertions.Expect(subject).ToBeHiddenAsync();
        await Assertions.Expect(assessment.Locator("[data-testid=timeline-step]")).ToHaveCountAsync(6);
        await assessment.Locator("[data-testid=offset-input] input").Last.FillAsync("10d");
        await assessment.Locator("[data-testid=offset-input] input").Last.PressAsync("Tab");
        await Assertions.Expect(assessment.Locator("[data-testid=timeline]")).ToContainTextAsync("10d");
        await console.Page.ClickAsync("[data-testid=save-draft]");
        await Assertions.Expect(console.Page.Locator("[data-testid=sequences-message]")).ToContainTextAsync("Draft saved");
        await console.ScreenshotAsync("66-sequences-draft-saved");

        var draft = await App.Services.GetRequiredService<CampaignDefinitionStore>().DraftAsync(CancellationToken.None);
        var added = draft!.Document.Sequence("assessment")!.Steps[^1];
        Assert.Equal(("assessment-6", TimeSpan.FromDays(10)), (added.Template, added.Offset));
        var text = await App.Services.GetRequiredService<Christmas.Core.Templates.TemplateStore>().CurrentAsync("assessment-6", CancellationToken.None);
        Assert.Equal("Last chance, {{ first_name }}", text!.Subject);

        // Sarah is in the assessment sequence: under in-flight, her 6th email is added (its time is still ahead).
        await console.Page.ClickAsync("[data-testid=review-publish-open]");
        await Assertions.Expect(console.Page.Locator("[data-testid=impact-sample]").First).ToContainTextAsync("sarah@salon.example");
        await Assertions.Expect(console.Page.Locator("[data-testid=impact-in-flight]")).ToContainTextAsync("1 person");
        await console.ScreenshotAsync("69-review-publish");
        await console.Page.Locator("[data-testid=review-confirm] input").CheckAsync();
        await console.Page.ClickAsync("[data-testid=review-publish]");
        await Assertions.Expect(console.Page.Locator("[data-testid=sequences-message]")).ToContainTextAsync("Revision 2 is published (in-flight)");
        var sixth = await App.WithDbAsync(db => db.Steps.CountAsync(s => s.TemplateKey == "assessment-6"));
        Assert.Equal(1, sixth);

        // Her timeline shows the new email.
        await console.GotoAsync($"/contacts/{Uri.EscapeDataString("sarah@salon.example")}");
        await Assertions.Expect(console.Page.Locator("[data-testid=step]").Filter(new() { HasText = "assessment-6" })).ToHaveCountAsync(1);

        // Revisions compares the two latest: the added email shows.
        await console.GotoAsync("/campaign/revisions");
        await Assertions.Expect(console.Page.Locator("[data-testid=revision-diff] [data-kind=Added]").First).ToContainTextAsync("assessment-6");
        await console.ScreenshotAsync("67-revisions-diff");
    }

    [Fact]
    public async Task OnAPhone_TheSequencesPage_FitsTheScreen()
    {
        const int width = 390;
        await using var console = await OpenConsoleAsync(width, 844);
        await console.SignInAsync();
        await console.GotoAsync("/campaign/sequences");
        await Assertions.Expect(console.Page.Locator("[data-testid=timeline-step]").First).ToBeVisibleAsync();

        var sizes = await console.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(sizes[0] <= sizes[1], $"the page is {sizes[0]} px wide in a {sizes[1]} px window");
        await console.ScreenshotAsync("68-sequences-phone");
    }
}
