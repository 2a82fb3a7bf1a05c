using Bunit;
using Christmas.Admin.Components.Pages.Settings;
using Christmas.Admin.Components.Pages.Settings.Notion;
using Christmas.Core.Notion;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>Settings of an app without a Notion token: one line saying how to turn it on, nothing that could alarm.</summary>
public sealed class NotionSettingsOffTests : AppComponentTest
{
    [Fact]
    public void SettingsPage_ShowsOnlyTheOffMessage_WhenNotionIsNotConfigured()
    {
        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("Off: set Notion:Token", page.Find("[data-testid=notion-off]").TextContent));
        var card = page.Find("[data-testid=notion-status-card]");
        Assert.Empty(card.QuerySelectorAll("[data-testid=notion-health], [data-testid=notion-mapping], [data-testid=notion-check-schema], .mud-alert"));
        Assert.Empty(page.FindAll("[data-testid=notion-resync-card]"));
        Assert.Empty(page.FindAll("[data-testid=notion-import-card]"));
    }

    [Fact]
    public void ImportCard_ShowsTheConflictInAnAlert_WhenNotionIsNotConfigured()
    {
        var card = Render<NotionImportCard>();

        card.Find("[data-testid=import-contacts-dry-run]").Click();

        card.WaitForAssertion(() => Assert.Equal(NotionOperations.NotConfigured, card.Find("[data-testid=import-contacts] [data-testid=import-error]").TextContent.Trim()));
        Assert.Empty(card.FindAll("[data-testid=import-summary]"));
        Assert.Empty(card.FindAll("[data-testid=import-templates] [data-testid=import-error]"));
    }
}
