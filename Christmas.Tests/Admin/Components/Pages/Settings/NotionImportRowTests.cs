using Bunit;
using Christmas.Admin.Components.Pages.Settings.Notion;
using Christmas.Core.Common;
using Christmas.Core.Notion.Import;
using Christmas.Tests.Fixtures.Components;
using MudBlazor;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>One import row driven by a hand-made import: the confirmation, the progress bar as reports arrive, the summary.</summary>
public sealed class NotionImportRowTests : ConsoleComponentTest
{
    private readonly TaskCompletionSource<Outcome<ContactImportSummary>> _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<bool> _runs = [];
    private IProgress<ImportProgress>? _progress;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public override Task InitializeAsync()
    {
        _dialogs = RenderMudProviders();
        return Task.CompletedTask;
    }

    private IRenderedComponent<NotionImportRow<ContactImportSummary>> RenderRow() =>
        Render<NotionImportRow<ContactImportSummary>>(p => p
            .Add(r => r.Title, "Contacts").Add(r => r.Name, "contacts").Add(r => r.Confirmation, "Contacts are created and updated.")
            .Add(r => r.Run, (dryRun, _, progress, _) =>
            {
                _runs.Add(dryRun);
                _progress = progress;
                return _finish.Task;
            })
            .Add(r => r.Summary, s => $"<p data-testid=\"fake-summary\">{s.Created} created</p>"));

    [Fact]
    public void DryRun_ShowsAnIndeterminateBarWhileReading_ThenRealProgress_ThenTheSummary()
    {
        var row = RenderRow();

        row.Find("[data-testid=import-contacts-dry-run]").Click();
        Assert.Equal([true], _runs);
        _progress!.Report(new ImportProgress("reading", 100, null));
        row.WaitForAssertion(() => Assert.Equal("Reading pages from Notion: 100 so far...", row.Find("[data-testid=import-progress-text]").TextContent));
        Assert.Contains("mud-progress-indeterminate", row.Find("[data-testid=import-progress]").OuterHtml);

        _progress.Report(new ImportProgress("checking", 5, 20));
        row.WaitForAssertion(() => Assert.Equal("Checking 5 of 20 (dry run, nothing is written)...", row.Find("[data-testid=import-progress-text]").TextContent));
        Assert.DoesNotContain("mud-progress-indeterminate", row.Find("[data-testid=import-progress]").OuterHtml);
        Assert.Equal("25", row.Find("[data-testid=import-progress]").GetAttribute("aria-valuenow"));

        _finish.SetResult(Outcome<ContactImportSummary>.Ok(new ContactImportSummary(true, 20, 4, 0, 16, [], [])));
        row.WaitForAssertion(() => Assert.Equal("4 created", row.Find("[data-testid=fake-summary]").TextContent));
        Assert.Empty(row.FindAll("[data-testid=import-progress]"));
        Assert.Empty(row.FindAll("[data-testid=import-error]"));
    }

    [Fact]
    public void Import_AsksFirst_AndDoesNothing_WhenTheUserCancels()
    {
        var row = RenderRow();

        row.Find("[data-testid=import-contacts-run]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Contacts are created and updated.", _dialogs.Find(".mud-dialog").TextContent));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.Empty(_runs);
        Assert.Empty(row.FindAll("[data-testid=import-progress]"));
    }

    [Fact]
    public void Import_RunsForReal_AfterTheConfirmation()
    {
        var row = RenderRow();

        row.Find("[data-testid=import-contacts-run]").Click();
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll(".mud-dialog")));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Import").Click();

        row.WaitForAssertion(() => Assert.Equal([false], _runs));
        row.WaitForAssertion(() => Assert.NotNull(row.Find("[data-testid=import-progress]")));
    }
}
