using Bunit;
using Christmas.Admin.Components.Pages.Campaign;
using Christmas.Core.Accounts;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Components.Pages.Campaign;

/// <summary>"Review and publish" on the Sequences page: the impact preview, an Admin's publish, a Marketer's preview only, and a revision published meanwhile.</summary>
public sealed class SequencesPageReviewTests : AppComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const string Mike = "mike@garage.example";

    /// <summary>Mike is in the no-show sequence; the draft sends its email #2 a day later.</summary>
    private async Task<IRenderedComponent<SequencesPage>> DraftMovingNoshowTwoAsync()
    {
        (await App.PostWebhookAsync("noshow-recovery-handler", Christmas.Tests.Fixtures.Webhooks.Noshow(DateTimeOffset.UtcNow.AddMinutes(-1), Mike))).EnsureSuccessStatusCode();
        var cut = Render<SequencesPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-sequence=noshow] [data-testid=offset-input] input")), Wait);
        await cut.InvokeAsync(() => cut.FindAll("[data-sequence=noshow] [data-testid=offset-input] input")[1].Change("48h"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=save-draft]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Draft saved", cut.Find("[data-testid=sequences-message]").TextContent), Wait);
        return cut;
    }

    private void OpenReview(IRenderedComponent<SequencesPage> cut)
    {
        _ = cut.InvokeAsync(() => cut.Find("[data-testid=review-publish-open]").Click());
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("[data-testid=impact-sample]")), Wait);
    }

    [Fact]
    public async Task AnAdmin_SeesWhoseEmailsMove_ConfirmsAndPublishes()
    {
        var cut = await DraftMovingNoshowTwoAsync();

        OpenReview(cut);

        Assert.Contains("1 person in 1 running sequence(s) get the change", Dialogs.Find("[data-testid=impact-in-flight]").TextContent);
        Assert.Contains("noshow: email #2 moved", Dialogs.Find("[data-testid=impact-change]").TextContent);
        var sample = Dialogs.Find("[data-testid=impact-sample]").TextContent;
        Assert.Contains(Mike, sample);
        Assert.Contains("noshow #2", sample);
        Assert.True(Dialogs.Find("[data-testid=review-publish]").HasAttribute("disabled"), "publishing needs the confirmation first");

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=review-confirm] input").Change(true));
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=review-publish]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Revision 2 is published (in-flight): 1 emails moved", cut.Find("[data-testid=sequences-message]").TextContent), Wait);
        var revision = await App.WithDbAsync(db => db.CampaignRevisions.SingleAsync(r => r.Revision == 2));
        Assert.Equal((PublishPolicies.InFlight, TestApp.AdminEmail), (revision.Policy, revision.PublishedBy));
        Assert.Null(await App.Services.GetRequiredService<CampaignDefinitionStore>().DraftAsync(CancellationToken.None));
        Assert.Contains("Published revision 2", cut.Find("[data-testid=draft-origin]").TextContent);
    }

    [Fact]
    public async Task AMarketer_SeesThePreview_AndThatAnAdminPublishes()
    {
        Authorization.SetAuthorized("marketer@test.local");
        Authorization.SetRoles(ConsoleRoles.Marketer);
        var cut = await DraftMovingNoshowTwoAsync();

        OpenReview(cut);

        Assert.Contains("An Admin publishes", Dialogs.Find("[data-testid=review-admin-note]").TextContent);
        Assert.Empty(Dialogs.FindAll("[data-testid=review-publish]"));
        Assert.Empty(Dialogs.FindAll("[data-testid=review-confirm]"));
    }

    [Fact]
    public async Task ARevisionPublishedWhileReviewing_IsExplained_AndTheDraftIsKept()
    {
        var cut = await DraftMovingNoshowTwoAsync();
        OpenReview(cut);
        var one = await App.WithDbAsync(db => db.CampaignRevisions.SingleAsync(r => r.Revision == 1));
        await App.WithDbAsync(db =>
        {
            db.CampaignRevisions.Add(new CampaignRevision(2, one.DocumentJson, DateTime.UtcNow, "lee@test.local", PublishPolicies.NewOnly, "meanwhile"));
            return db.SaveChangesAsync();
        });

        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=review-confirm] input").Change(true));
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=review-publish]").Click());

        Dialogs.WaitForAssertion(() => Assert.Contains("Someone published revision 2 while you reviewed; reload and review again",
            Dialogs.Find("[data-testid=review-error]").TextContent), Wait);
        Assert.Equal(2, await App.WithDbAsync(db => db.CampaignRevisions.CountAsync()));
        var draft = await App.Services.GetRequiredService<CampaignDefinitionStore>().DraftAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromHours(48), draft!.Document.Sequence("noshow")!.Steps[1].Offset);
    }
}
