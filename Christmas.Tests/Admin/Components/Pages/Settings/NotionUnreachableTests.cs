using AngleSharp.Dom;
using Bunit;
using Christmas.Admin.Components.Pages.Settings.Notion;
using Christmas.Tests.Fixtures.Components;
using MudBlazor;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>
/// Settings of an app whose Notion is configured but unreachable: every card says what is wrong, none throws.
/// Reading a schema takes a few seconds here (a read is retried three times), hence the long waits.
/// </summary>
public sealed class NotionUnreachableTests(UnreachableNotionApp notion) : ConsoleComponentTest, IClassFixture<UnreachableNotionApp>
{
    private static readonly TimeSpan NotionGivesUp = TimeSpan.FromSeconds(45);
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public override Task InitializeAsync()
    {
        UseAppServices(notion.App);
        _dialogs = RenderMudProviders();
        return Task.CompletedTask;
    }

    private void Confirm(string button)
    {
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll(".mud-dialog")));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).Click();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void StatusCard_ShowsTheContactsDatabaseError_AndChecksTheSchemaAgainOnRequest()
    {
        var card = Render<NotionStatusCard>();

        // The mirror reads the schemas at start; the card's own refresh picks the result up.
        card.WaitForAssertion(() => Assert.Contains("unreachable", Contacts(card).QuerySelector("[data-testid=mapping-error]")!.TextContent), NotionGivesUp);
        Assert.Equal("Trouble", card.Find("[data-testid=notion-health]").TextContent.Trim());
        Assert.Contains("db1", Contacts(card).QuerySelector("[data-testid=mapping-ids]")!.TextContent);
        Assert.Contains("Notion:SequenceTrackerDatabaseId is not set",
            card.Find("[data-testid=notion-mapping][data-database=sequenceTracker] [data-testid=mapping-absent]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=notion-off]"));
        var checkedBefore = card.Find("[data-testid=notion-schema-checked]").TextContent;

        card.Find("[data-testid=notion-check-schema]").Click();

        card.WaitForAssertion(() => Assert.Equal("Check schema", card.Find("[data-testid=notion-check-schema]").TextContent.Trim()), NotionGivesUp);
        Assert.Contains("unreachable", Contacts(card).QuerySelector("[data-testid=mapping-error]")!.TextContent);
        Assert.NotEqual("—", checkedBefore);
    }

    [Fact]
    public void ImportCard_ShowsWhyTheContactsCannotBeImported_AfterTheConfirmation()
    {
        var card = Render<NotionImportCard>();

        card.Find("[data-testid=import-contacts-run]").Click();
        Confirm("Import");

        card.WaitForAssertion(() => Assert.StartsWith("The Contacts database cannot be read: Notion unreachable",
            card.Find("[data-testid=import-contacts] [data-testid=import-error]").TextContent.Trim()), NotionGivesUp);
        Assert.Empty(card.FindAll("[data-testid=import-summary]"));
        Assert.False(card.Find("[data-testid=import-contacts-run]").HasAttribute("disabled"));
    }

    [Fact]
    public void ImportCard_ShowsTheConflict_WhenTheTemplatesDatabaseIsNotSet()
    {
        var card = Render<NotionImportCard>();

        card.Find("[data-testid=import-templates-dry-run]").Click();

        card.WaitForAssertion(() => Assert.Equal("Notion:TemplatesDatabaseId is not set.",
            card.Find("[data-testid=import-templates] [data-testid=import-error]").TextContent.Trim()));
    }

    [Fact]
    public async Task ResyncCard_QueuesEveryPage_AndShowsTheBacklogNotDraining_WhileNotionIsDown()
    {
        (await notion.App.PostWebhookAsync("assessment-handler", Payloads.Assessment(DateTimeOffset.UtcNow, "resync@example.com"))).EnsureSuccessStatusCode();
        var card = Render<NotionResyncCard>();

        card.Find("[data-testid=notion-resync-start]").Click();
        Confirm("Resync all");

        // One contact and its sequence; none can be written while Notion is down, so the bar stays at 0 and the button waits.
        card.WaitForAssertion(() => Assert.Equal("Written 0 of 2 page(s)...", card.Find("[data-testid=notion-resync-result]").TextContent.Trim()));
        Assert.NotNull(card.Find("[data-testid=notion-resync-progress]"));
        Assert.True(card.Find("[data-testid=notion-resync-start]").HasAttribute("disabled"));
        Assert.Empty(card.FindAll("[data-testid=notion-resync-error]"));
    }

    private static IElement Contacts(IRenderedComponent<NotionStatusCard> card) =>
        card.Find("[data-testid=notion-mapping][data-database=contacts]");
}
