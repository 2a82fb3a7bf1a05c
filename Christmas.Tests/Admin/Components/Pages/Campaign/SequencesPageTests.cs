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

/// <summary>The Sequences page: the draft's sequences as timelines and step tables, edits saved as the shared draft, errors by path, a colleague's newer save.</summary>
public sealed class SequencesPageTests : AppComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<SequencesPage> RenderPage()
    {
        var cut = Render<SequencesPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=sequence]")), Wait);
        return cut;
    }

    private static AngleSharp.Dom.IElement Sequence(IRenderedComponent<SequencesPage> cut, string name) =>
        cut.Find($"[data-testid=sequence][data-sequence={name}]");

    private static IReadOnlyList<string> StepNumbers(IRenderedComponent<SequencesPage> cut, string name) =>
        Sequence(cut, name).QuerySelectorAll("[data-testid=step-number]").Select(e => e.TextContent.Trim()).ToList();

    private Task<DraftDefinition?> StoredDraftAsync() => App.Services.GetRequiredService<CampaignDefinitionStore>().DraftAsync(CancellationToken.None);

    private static void Click(IRenderedComponent<SequencesPage> cut, string selector) => cut.InvokeAsync(() => cut.Find(selector).Click());

    [Fact]
    public async Task ThePublishedDefinition_ShowsEachSequenceAsATimelineAndAStepsTable()
    {
        var published = (await App.Services.GetRequiredService<CampaignDefinitionStore>().PublishedAsync(CancellationToken.None)).Document;

        var cut = RenderPage();

        Assert.Equal(published.Sequences.Select(s => s.Label), cut.FindAll("[data-testid=sequence-label]").Select(e => e.TextContent.Trim()));
        var assessment = published.Sequence("assessment")!;
        Assert.Equal(assessment.Steps.Select(s => s.Number.ToString()), StepNumbers(cut, "assessment"));
        Assert.Equal(assessment.Steps.Count, Sequence(cut, "assessment").QuerySelectorAll("[data-testid=timeline-step]").Length);
        Assert.Contains("24h", Sequence(cut, "assessment").QuerySelector("[data-testid=timeline]")!.TextContent);
        Assert.Contains("Published revision 1", cut.Find("[data-testid=draft-origin]").TextContent);
        Assert.Null(await StoredDraftAsync());
    }

    [Fact]
    public async Task TheWebhooksTab_ListsEachHandlersFields_WithTheKeyMasked()
    {
        var cut = RenderPage();

        var handler = cut.Find("[data-testid=handler][data-handler=assessment-handler]");
        Assert.Equal("POST /api/v1/executions/webhook/christmas/handlers/assessment-handler/" + HandlerList.MaskedKey,
            handler.QuerySelector("[data-testid=handler-url]")!.TextContent.Trim());
        Assert.Contains("Assessment", handler.QuerySelector("[data-testid=handler-starts]")!.TextContent);
        Assert.Contains(handler.QuerySelectorAll("[data-testid=handler-field]"), row => row.TextContent.Contains("email_1_sent_at") && row.TextContent.Contains("timestamp"));
        Assert.Contains("starts nothing", cut.Find("[data-testid=handler][data-handler=signup-handler] [data-testid=handler-starts]").TextContent);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AddingAStep_CreatesItsTemplateFromTheLastOne_AndRemoveAndMove_AreSavedInTheDraft()
    {
        var cut = RenderPage();
        var before = StepNumbers(cut, "assessment");
        var lastKey = $"assessment-{before[^1]}";
        var last = await App.WithDbAsync(db => db.EmailTemplates.Where(t => t.Key == lastKey).OrderByDescending(t => t.Version).FirstAsync());

        Click(cut, "[data-sequence=assessment] [data-testid=add-step]");

        var newKey = $"assessment-{before.Count + 1}";
        Dialogs.WaitForAssertion(() => Assert.Contains(last.Subject, Dialogs.Find("[data-testid=step-template-subject] input").GetAttribute("value")), Wait);
        var created = await App.WithDbAsync(db => db.EmailTemplates.SingleAsync(t => t.Key == newKey));
        Assert.Equal((last.Subject, last.Body), (created.Subject, created.Body));
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=step-template-close]").Click());
        cut.WaitForAssertion(() => Assert.Equal([.. before, (before.Count + 1).ToString()], StepNumbers(cut, "assessment")), Wait);

        // #2 goes; the new email moves up one place, taking #last's slot and send time.
        await cut.InvokeAsync(() => Sequence(cut, "assessment").QuerySelectorAll("[data-testid=remove-step]")[1].Click());
        await cut.InvokeAsync(() => Sequence(cut, "assessment").QuerySelectorAll("[data-testid=move-up]")[^1].Click());
        Assert.Contains("Unsaved", cut.Find("[data-testid=unsaved]").TextContent);
        Click(cut, "[data-testid=save-draft]");

        cut.WaitForAssertion(() => Assert.Contains("Draft saved", cut.Find("[data-testid=sequences-message]").TextContent), Wait);
        var draft = (await StoredDraftAsync())!;
        var steps = draft.Document.Sequence("assessment")!.Steps;
        Assert.DoesNotContain(steps, s => s.Number == 2);
        Assert.Equal(newKey, steps[^2].Template);
        Assert.Equal($"assessment-{before[^1]}", steps[^1].Template);
        Assert.Equal(TestApp.AdminEmail, draft.UpdatedBy);
        Assert.Contains("Draft saved by " + TestApp.AdminEmail, cut.Find("[data-testid=draft-origin]").TextContent);
    }

    [Fact]
    public async Task AnOffsetThatDoesNotRead_IsShownAtTheField_AndTheValidatorsErrorsNameTheirPaths()
    {
        var cut = RenderPage();

        await cut.InvokeAsync(() => Sequence(cut, "noshow").QuerySelectorAll("[data-testid=offset-input] input")[1].Change("3 days"));
        cut.WaitForAssertion(() => Assert.Contains("'3 days' is not a duration", Sequence(cut, "noshow").TextContent), Wait);
        await cut.InvokeAsync(() => Sequence(cut, "noshow").QuerySelectorAll("[data-testid=offset-input] input")[1].Change("400d"));
        await cut.InvokeAsync(() => Sequence(cut, "noshow").QuerySelectorAll("[data-testid=template-input] input")[0].Change("no-such-email"));
        Click(cut, "[data-testid=save-draft]");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=draft-error]")), Wait);
        var errors = cut.FindAll("[data-testid=draft-error]").Select(e => e.TextContent).ToList();
        var noshow = (await App.Services.GetRequiredService<CampaignDefinitionStore>().PublishedAsync(CancellationToken.None)).Document
            .Sequences.ToList().FindIndex(s => s.Name == "noshow");
        Assert.Contains(errors, e => e.StartsWith($"sequences[{noshow}].steps[1].offset") && e.Contains("0 to 365 days"));
        Assert.Contains(errors, e => e.StartsWith($"sequences[{noshow}].steps[0].template") && e.Contains("no-such-email"));
        // Next to the fields too.
        Assert.Contains("There is no template 'no-such-email'", Sequence(cut, "noshow").TextContent);
        Assert.Null(await StoredDraftAsync());
    }

    [Fact]
    public async Task YamlThatDoesNotRead_IsRefusedWithItsLine()
    {
        var cut = RenderPage();

        await cut.InvokeAsync(() => cut.Find("[data-testid=yaml-input] textarea").Change("sequences:\n  - name: assessment\n    label: x\n    steps:\n      - {number: 1, template: assessment-2, offset: soon, testingOffset: 0m}\nhandlers: []\n"));
        Click(cut, "[data-testid=save-yaml]");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=draft-error]"),
            e => e.TextContent.StartsWith("sequences[0].steps[0].offset (line 5)")), Wait);
        Assert.Null(await StoredDraftAsync());
    }

    [Fact]
    public async Task AColleaguesNewerSave_IsNotOverwrittenUnasked_AndOverwritingIsAChoice()
    {
        var cut = RenderPage();
        var published = (await App.Services.GetRequiredService<CampaignDefinitionStore>().PublishedAsync(CancellationToken.None)).Document;
        var theirs = published with { Sequences = published.Sequences.Select(s => s.Name == "postcall" ? s with { Label = "Their label" } : s).ToList() };
        await App.Services.GetRequiredService<DraftEditor>().SaveAsync(DefinitionWriter.ToJson(theirs), DefinitionFormat.Json, "lee@test.local", CancellationToken.None);

        await cut.InvokeAsync(() => Sequence(cut, "noshow").QuerySelectorAll("[data-testid=offset-input] input")[1].Change("48h"));
        Click(cut, "[data-testid=save-draft]");

        cut.WaitForAssertion(() => Assert.Contains("lee@test.local saved the draft at", cut.Find("[data-testid=draft-conflict]").TextContent), Wait);
        Assert.Equal("lee@test.local", (await StoredDraftAsync())!.UpdatedBy);

        Click(cut, "[data-testid=conflict-overwrite]");
        cut.WaitForAssertion(() => Assert.Contains("Draft saved", cut.Find("[data-testid=sequences-message]").TextContent), Wait);
        var mine = (await StoredDraftAsync())!;
        Assert.Equal(TestApp.AdminEmail, mine.UpdatedBy);
        Assert.Equal(TimeSpan.FromHours(48), mine.Document.Sequence("noshow")!.Steps[1].Offset);
        Assert.Empty(cut.FindAll("[data-testid=draft-conflict]"));
    }

    [Fact]
    public async Task AColleaguesNewerSave_CanBeLoadedInstead()
    {
        var cut = RenderPage();
        var published = (await App.Services.GetRequiredService<CampaignDefinitionStore>().PublishedAsync(CancellationToken.None)).Document;
        var theirs = published with { Sequences = published.Sequences.Select(s => s.Name == "postcall" ? s with { Label = "Their label" } : s).ToList() };
        await App.Services.GetRequiredService<DraftEditor>().SaveAsync(DefinitionWriter.ToJson(theirs), DefinitionFormat.Json, "lee@test.local", CancellationToken.None);
        await cut.InvokeAsync(() => Sequence(cut, "noshow").QuerySelectorAll("[data-testid=offset-input] input")[1].Change("48h"));
        Click(cut, "[data-testid=save-draft]");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=draft-conflict]")), Wait);

        Click(cut, "[data-testid=conflict-reload]");

        cut.WaitForAssertion(() => Assert.Contains("Their label", Sequence(cut, "postcall").TextContent), Wait);
        Assert.Contains("Draft saved by lee@test.local", cut.Find("[data-testid=draft-origin]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=unsaved]"));
    }

    [Fact]
    public async Task AMarketer_SavesTheDraft()
    {
        Authorization.SetAuthorized("marketer@test.local");
        Authorization.SetRoles(ConsoleRoles.Marketer);
        var cut = RenderPage();

        await cut.InvokeAsync(() => Sequence(cut, "noshow").QuerySelectorAll("[data-testid=testing-offset-input] input")[1].Change("5m"));
        Click(cut, "[data-testid=save-draft]");

        cut.WaitForAssertion(() => Assert.Contains("Draft saved", cut.Find("[data-testid=sequences-message]").TextContent), Wait);
        var draft = (await StoredDraftAsync())!;
        Assert.Equal("marketer@test.local", draft.UpdatedBy);
        Assert.Equal(TimeSpan.FromMinutes(5), draft.Document.Sequence("noshow")!.Steps[1].TestingOffset);
    }
}
