using Bunit;
using Christmas.Admin.Components.Pages.Contacts;
using Christmas.Core.Contacts;
using Christmas.Core.Notion.Status;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Contacts;

/// <summary>The Notion badge on the contact page: its state, the error as tooltip, the link; nothing when Notion is off.</summary>
public sealed class NotionBadgeTests : ConsoleComponentTest
{
    private static readonly DateTime SyncedAt = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);

    private IRenderedComponent<NotionBadge> RenderBadge(NotionSync? sync) => Render<NotionBadge>(p => p.Add(b => b.Sync, sync));

    [Fact]
    public void Badge_ShowsSyncedAndALinkThatOpensInANewTab_WhenThePageHasAUrl()
    {
        var badge = RenderBadge(new NotionSync("synced", "page-1", "https://www.notion.so/page1", SyncedAt, null));

        Assert.Equal("Notion: synced", badge.Find("[data-testid=notion-status]").TextContent.Trim());
        Assert.Equal("Last written 1 Dec 2026, 09:30 UTC", badge.Find("[data-testid=notion-status]").GetAttribute("title"));
        var link = badge.Find("a[data-testid=notion-link]");
        Assert.Equal("https://www.notion.so/page1", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
        Assert.Equal("Open in Notion", link.TextContent.Trim());
    }

    [Fact]
    public void Badge_ShowsTheErrorAsTooltip_AndNoLink_WhenThePageWasNeverWritten()
    {
        var badge = RenderBadge(new NotionSync("error", null, null, null, "Notion answered 400: Email is not a property that exists."));

        Assert.Equal("error", badge.Find("[data-testid=notion-badge]").GetAttribute("data-status"));
        Assert.Equal("Notion answered 400: Email is not a property that exists.", badge.Find("[data-testid=notion-status]").GetAttribute("title"));
        Assert.Empty(badge.FindAll("[data-testid=notion-link]"));
    }

    [Theory]
    [InlineData("off")]
    [InlineData(null)]
    public void Badge_RendersNothing_WhenNotionIsOff(string? status)
    {
        var badge = RenderBadge(status is null ? null : NotionSync.Off);

        Assert.Equal("", badge.Markup.Trim());
    }

    [Fact]
    public void Timeline_ShowsEachSequencesOwnNotionBadge()
    {
        var anchor = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        SequenceView Sequence(long id, NotionSync notion) =>
            new(id, "assessment", "active", "production", anchor, anchor, null, null, null, [], notion);

        var timeline = Render<SequenceTimeline>(p => p.Add(t => t.Sequences, [
            Sequence(1, new NotionSync("pending", null, null, null, null)),
            Sequence(2, new NotionSync("synced", "p2", "https://www.notion.so/p2", anchor, null)),
            Sequence(3, NotionSync.Off)]));

        var sequences = timeline.FindAll("[data-testid=sequence]");
        Assert.Equal("pending", sequences[0].QuerySelector("[data-testid=notion-badge]")!.GetAttribute("data-status"));
        Assert.Null(sequences[0].QuerySelector("[data-testid=notion-link]"));
        Assert.Equal("https://www.notion.so/p2", sequences[1].QuerySelector("[data-testid=notion-link]")!.GetAttribute("href"));
        Assert.Null(sequences[2].QuerySelector("[data-testid=notion-badge]"));
    }
}
