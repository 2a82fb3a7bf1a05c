using Bunit;
using Christmas.Admin.Components.Pages.Templates;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Christmas.Tests.Admin.Components.Pages.Templates;

/// <summary>
/// Segment variants in plain sight (issue 21 #6): the list and the editor say who gets which text, the
/// preview for a contact shows what they receive, editing a base text warns who it does not reach, and
/// leaving with unsaved changes asks first.
/// </summary>
public sealed class TemplateVariantsEditorTests(SegmentedContactsApp shared) : ConsoleComponentTest, IClassFixture<SegmentedContactsApp>
{
    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(10);

    public override Task InitializeAsync()
    {
        UseAppServices(shared.App);
        return Task.CompletedTask;
    }

    private IRenderedComponent<TemplateEditorPage> RenderEditor(string key)
    {
        var cut = Render<TemplateEditorPage>(p => p.Add(x => x.Key, key));
        cut.WaitForElement("[data-testid=preview-frame]", Debounced);
        return cut;
    }

    [Fact]
    public void TemplatesList_SaysWhoGetsEachVariant_AndTheBase()
    {
        var cut = Render<TemplatesPage>();
        cut.WaitForElement("[data-testid=template-row]", Debounced);

        var rows = cut.FindAll("[data-testid=template-row]").ToDictionary(
            r => r.QuerySelector("a")!.TextContent.Trim(), r => r.QuerySelector("[data-testid=template-audience]")!.TextContent.Trim());
        Assert.Equal("CRITICAL variant: contacts in segment CRITICAL (2 contacts)", rows["assessment-2.critical"]);
        Assert.Equal("URGENT variant: contacts in segment URGENT (1 contact)", rows["assessment-2.urgent"]);
        Assert.Equal("Base text: everyone else - contacts without a segment (0 contacts)", rows["assessment-2"]);
        Assert.Equal("Base text: everyone else - contacts without a segment or in CRITICAL, URGENT, OPTIMIZE (3 contacts)", rows["noshow-1"]);
    }

    [Fact]
    public void Editor_ListsTheVariants_AndWarnsThatEditingTheBaseDoesNotReachThem()
    {
        var cut = RenderEditor("assessment-2");
        var audiences = cut.Find("[data-testid=template-audiences]").TextContent;
        Assert.Contains("assessment-2.critical", audiences);
        Assert.Contains("CRITICAL variant: contacts in segment CRITICAL (2 contacts)", audiences);
        Assert.Empty(cut.FindAll("[data-testid=variant-warning]"));

        cut.InputAt("[data-testid=body-input] textarea", "A new base text for {{ first_name }}.");

        cut.WaitForAssertion(() =>
        {
            var warning = cut.Find("[data-testid=variant-warning]").TextContent;
            Assert.Contains("2 contacts in CRITICAL get the CRITICAL variant (assessment-2.critical)", warning);
            Assert.Contains("1 contact in URGENT get the URGENT variant (assessment-2.urgent)", warning);
            Assert.Contains("Counting contacts with this step still to come", warning);
        }, Debounced);
    }

    [Fact]
    public void SavingTheBase_SaysWhoGetsAVariantInstead()
    {
        Render<MudPopoverProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = RenderEditor("assessment-4");
        cut.InputAt("[data-testid=body-input] textarea", "A new base text for {{ first_name }}.");
        cut.WaitForElement("[data-testid=variant-warning]", Debounced);

        cut.ClickAt("[data-testid=save-template]");

        snackbar.WaitForAssertion(() => Assert.Contains(
            "Saving changes the base text only: 2 contacts in CRITICAL get the CRITICAL variant (assessment-4.critical)", snackbar.Markup), Debounced);
        Assert.Empty(cut.FindAll("[data-testid=unsaved]"));
    }

    [Fact]
    public void Editor_OfAVariant_HasNoBaseWarning()
    {
        var cut = RenderEditor("assessment-2.critical");

        cut.InputAt("[data-testid=body-input] textarea", "A new CRITICAL text.");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=unsaved]")), Debounced);
        Assert.Empty(cut.FindAll("[data-testid=variant-warning]"));
    }

    [Fact]
    public async Task PreviewForAContact_ShowsTheVariantTheyReceive_WithANotice()
    {
        var cut = RenderEditor("assessment-2");
        var picker = cut.FindComponent<MudAutocomplete<string>>();

        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(SegmentedContactsApp.Critical));

        cut.WaitForAssertion(() => Assert.Contains("so they get assessment-2.critical", cut.Find("[data-testid=preview-notice]").TextContent), Debounced);
    }

    [Fact]
    public async Task LeavingWithUnsavedChanges_AsksFirst_AndStayingKeepsThePage()
    {
        var dialogs = RenderMudProviders();
        var cut = RenderEditor("noshow-2");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var here = navigation.Uri;
        cut.InputAt("[data-testid=body-input] textarea", "Unsaved words");
        cut.WaitForElement("[data-testid=unsaved]", Debounced);
        // The browser's own prompt on closing or reloading the tab.
        cut.WaitForAssertion(() => JSInterop.VerifyInvoke("Blazor._internal.NavigationLock.enableNavigationPrompt"), Debounced);

        _ = cut.InvokeAsync(() => navigation.NavigateTo("/templates"));
        dialogs.WaitForAssertion(() => Assert.Contains("Leave without saving?", dialogs.Find(".mud-dialog").TextContent), Debounced);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Stay").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Debounced);
        Assert.Equal(here, navigation.Uri);

        _ = cut.InvokeAsync(() => navigation.NavigateTo("/templates"));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog")), Debounced);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Leave").Click());
        cut.WaitForAssertion(() => Assert.EndsWith("/templates", navigation.Uri), Debounced);
    }
}
