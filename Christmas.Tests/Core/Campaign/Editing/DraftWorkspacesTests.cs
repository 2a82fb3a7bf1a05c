using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Editing;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Campaign.Editing;

/// <summary>The Sequences page's use cases on a real store: a new step's template key, and a publish since opening.</summary>
public sealed class DraftWorkspacesTests
{
    [Fact]
    public async Task AddStepAsync_SkipsAKeyAnOldTemplateStillHas_AndCopiesTheLastText()
    {
        await using var app = await TestApp.StartAsync();
        var workspaces = app.Services.GetRequiredService<DraftWorkspaces>();
        var templates = app.Services.GetRequiredService<TemplateStore>();
        // Left over from a discarded draft: assessment-6 exists, no step sends it.
        await templates.SaveAsync("assessment-6", "Old", "Old text", "lee@test.local", CancellationToken.None);
        var workspace = await workspaces.OpenAsync(CancellationToken.None);

        var added = await workspaces.AddStepAsync(workspace, "assessment", TestApp.AdminEmail, CancellationToken.None);

        Assert.Equal((6, "assessment-7"), (added.Value!.Number, added.Value.Template));
        var copy = await templates.CurrentAsync("assessment-7", CancellationToken.None);
        var last = await templates.CurrentAsync("assessment-5", CancellationToken.None);
        Assert.Equal((last!.Subject, last.Body), (copy!.Subject, copy.Body));
        Assert.Equal("Old", (await templates.CurrentAsync("assessment-6", CancellationToken.None))!.Subject);
    }

    [Fact]
    public async Task SaveAsync_AfterSomeonePublishedSinceOpening_IsAConflict_NotASilentRevert()
    {
        await using var app = await TestApp.StartAsync();
        var workspaces = app.Services.GetRequiredService<DraftWorkspaces>();
        var workspace = await workspaces.OpenAsync(CancellationToken.None);
        workspace.SetOffset("noshow", 2, "48h");
        await app.WithDbAsync(async db =>
        {
            var one = db.CampaignRevisions.Single(r => r.Revision == 1);
            db.CampaignRevisions.Add(new CampaignRevision(2, one.DocumentJson, DateTime.UtcNow, "lee@test.local", PublishPolicies.NewOnly, "meanwhile"));
            return await db.SaveChangesAsync();
        });

        var refused = await workspaces.SaveAsync(workspace, TestApp.AdminEmail, overwrite: false, CancellationToken.None);

        Assert.Equal(("lee@test.local", 2), (refused.Conflict!.By, refused.Conflict.PublishedRevision));
        Assert.Null(await app.Services.GetRequiredService<CampaignDefinitionStore>().DraftAsync(CancellationToken.None));
        var saved = await workspaces.SaveAsync(workspace, TestApp.AdminEmail, overwrite: true, CancellationToken.None);
        Assert.True(saved.Saved);
        Assert.Equal(new DraftOrigin(2, workspace.Origin.DraftUpdatedAt, TestApp.AdminEmail), workspace.Origin);
        Assert.Equal(TimeSpan.FromHours(48), workspace.Document.Sequence("noshow")!.Steps[1].Offset);
    }
}
