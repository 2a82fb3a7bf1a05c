using Bunit;
using Christmas.Admin.Components.Pages.Settings.Notion;
using Christmas.Core.Notion.Import;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>What an import (or its dry run) tells the operator afterwards.</summary>
public sealed class NotionImportSummaryTests : ConsoleComponentTest
{
    [Fact]
    public void ContactSummary_ShowsCountsSkippedReasonsAndMergedEmails()
    {
        var summary = new ContactImportSummary(true, 7, 3, 1, 1,
            [new ImportSkip("page-9", "no valid email: 'not-an-email'")],
            [new ImportMerge("anna@example.com", ["page-1", "page-2"])]);

        var view = Render<ContactImportSummaryView>(p => p.Add(v => v.Summary, summary));

        var counts = view.Find("[data-testid=contacts-summary-counts]").TextContent;
        Assert.Contains("Dry run, nothing written", counts);
        Assert.Contains("7 page(s) read; 3 created, 1 updated, 1 unchanged", counts);
        Assert.Contains("1 skipped, 1 email(s) merged", counts);
        Assert.Contains("no valid email: 'not-an-email'", view.Find("[data-testid=contacts-skipped]").TextContent);
        Assert.Contains("page-9", view.Find("[data-testid=contacts-skipped]").TextContent);
        Assert.Contains("anna@example.com", view.Find("[data-testid=contacts-merged]").TextContent);
        Assert.Contains("page-1, page-2", view.Find("[data-testid=contacts-merged]").TextContent);
    }

    [Fact]
    public void TemplateSummary_ShowsImportedKeysWithVersions_VariantOutcomes_AndSkippedTexts()
    {
        var summary = new TemplateImportSummary(false,
            [new ImportedTemplate("Assessment Email 2", "assessment-2", 3)],
            [new SkippedTemplate("Holiday promo", "no template of ours matches this name")],
            [new TemplateVariantOutcome("assessment-2-critical", "replaced", 2), new TemplateVariantOutcome("assessment-2-urgent", "kept", null)]);

        var view = Render<TemplateImportSummaryView>(p => p.Add(v => v.Summary, summary));

        Assert.Contains("Imported: 1 text(s) imported, 1 skipped", view.Find("[data-testid=templates-summary-counts]").TextContent);
        var imported = view.Find("[data-testid=templates-imported] tbody tr").TextContent;
        Assert.Contains("assessment-2", imported);
        Assert.Contains("v3", imported);
        var variants = view.FindAll("[data-testid=templates-variants] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("replaced", variants[0]);
        Assert.Contains("v2", variants[0]);
        Assert.Contains("kept", variants[1]);
        Assert.Contains("no template of ours matches this name", view.Find("[data-testid=templates-skipped]").TextContent);
    }
}
