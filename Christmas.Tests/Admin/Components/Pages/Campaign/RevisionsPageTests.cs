using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Christmas.Admin.Components.Pages.Campaign;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Campaign;

/// <summary>The Revisions page: history, a comparison of two revisions, and a draft started from an old one.</summary>
public sealed class RevisionsPageTests : AppComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>Revision 2: no-show's second email a day later than in revision 1.</summary>
    private async Task PublishMovedNoshowAsync()
    {
        var one = await App.WithDbAsync(db => Task.FromResult(db.CampaignRevisions.Single(r => r.Revision == 1).DocumentJson));
        var document = DefinitionReader.Read(one, DefinitionFormat.Json).Document!;
        var moved = document with
        {
            Sequences = document.Sequences.Select(s => s.Name != "noshow" ? s : s with
            {
                Steps = s.Steps.Select(step => step.Number == 2 ? step with { Offset = TimeSpan.FromHours(48) } : step).ToList(),
            }).ToList(),
        };
        await App.WithDbAsync(async db =>
        {
            db.CampaignRevisions.Add(new CampaignRevision(2, DefinitionWriter.ToJson(moved), DateTime.UtcNow, "admin@test.local", PublishPolicies.NewOnly, "noshow #2 a day later"));
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TheHistory_ListsNewestFirst_AndComparesTheLastTwoSideBySide()
    {
        await PublishMovedNoshowAsync();

        var cut = Render<RevisionsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["2", "1"], cut.FindAll("[data-testid=revision-number]").Select(c => c.TextContent.Trim())), Wait);
        cut.WaitForAssertion(() => Assert.Equal("1 line differs.", cut.Find("[data-testid=diff-summary]").TextContent.Trim()), Wait);
        var changed = cut.FindAll("[data-testid=revision-diff] [data-kind=Changed]").Select(l => l.TextContent).ToList();
        Assert.Contains(changed, l => l.Contains("noshow-2") && l.Contains("24h"));
        Assert.Contains(changed, l => l.Contains("noshow-2") && l.Contains("2d"));
    }

    [Fact]
    public async Task StartingADraftFromAnOldRevision_AsksFirst_ThenTheDraftHoldsThatRevision()
    {
        await PublishMovedNoshowAsync();
        var dialogs = Dialogs;
        var cut = Render<RevisionsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=start-draft]").Count), Wait);

        _ = cut.InvokeAsync(() => cut.FindAll("[data-testid=start-draft]")[1].Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Start a draft from revision 1?", dialogs.Find(".mud-dialog").TextContent), Wait);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Start the draft").Click());

        cut.WaitForAssertion(() => Assert.Contains("The draft now holds revision 1", cut.Find("[data-testid=revisions-message]").TextContent), Wait);
        var draft = await App.Api.GetFromJsonAsync<JsonElement>("/api/campaign/draft");
        var revisionOne = await App.Api.GetFromJsonAsync<JsonElement>("/api/campaign/revisions/1");
        Assert.Equal(Offset(revisionOne), Offset(draft));
        Assert.Equal("24h", Offset(draft));
        // The page now compares the draft with the published revision 2: the move shows.
        Assert.Equal("1 line differs.", cut.Find("[data-testid=diff-summary]").TextContent.Trim());
    }

    private static string? Offset(JsonElement document) => document.GetProperty("sequences").EnumerateArray()
        .Single(s => s.GetProperty("name").GetString() == "noshow").GetProperty("steps").EnumerateArray()
        .Single(s => s.GetProperty("number").GetInt32() == 2).GetProperty("offset").GetString();
}
