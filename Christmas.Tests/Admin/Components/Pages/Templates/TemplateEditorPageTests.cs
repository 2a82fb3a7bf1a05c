using Bunit;
using Christmas.Admin.Components.Pages.Templates;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Templates;

/// <summary>The editor's live preview follows the body, and a variable no data has is an inline error.</summary>
public sealed class TemplateEditorPageTests(SharedApp shared) : ConsoleComponentTest, IClassFixture<SharedApp>
{
    public override Task InitializeAsync()
    {
        UseAppServices(shared.App);
        return Task.CompletedTask;
    }

    private IRenderedComponent<TemplateEditorPage> RenderEditor(string key)
    {
        var cut = Render<TemplateEditorPage>(p => p.Add(x => x.Key, key));
        cut.WaitForElement("[data-testid=preview-frame]");
        return cut;
    }

    // The preview waits 300 ms for typing to stop; on a busy 2-core machine the re-render can take seconds.
    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(10);

    [Fact]
    public void EditingTheBody_ChangesTheRenderedPreview()
    {
        var cut = RenderEditor("noshow-2");
        Assert.DoesNotContain("Brand new paragraph", cut.Find("[data-testid=preview-frame]").GetAttribute("srcdoc"));

        cut.InputAt("[data-testid=body-input] textarea", "Hi {{ first_name }},\n\nBrand new paragraph for **{{ business_name }}**.");

        cut.WaitForAssertion(() =>
        {
            var html = cut.Find("[data-testid=preview-frame]").GetAttribute("srcdoc")!;
            Assert.Contains("Brand new paragraph for <strong>Sarah", html);
            Assert.Contains("Salon</strong>", html);
            Assert.Contains("Hi Sarah,", html);
        }, Debounced);
        Assert.Equal("sandbox", cut.Find("[data-testid=preview-frame]").Attributes["sandbox"]!.Name);
        Assert.Contains("Unsaved changes", cut.Find("[data-testid=unsaved]").TextContent);
    }

    [Fact]
    public void AnUnknownVariable_ShowsAnInlineError_AndBlocksSaving()
    {
        var cut = RenderEditor("noshow-2");

        cut.InputAt("[data-testid=body-input] textarea", "Hi {{ favourite_colour }}");

        cut.WaitForAssertion(() => Assert.Contains("favourite_colour", cut.Find("[data-testid=template-error]").TextContent), Debounced);
        Assert.Empty(cut.FindAll("[data-testid=preview-frame]"));
    }

    [Fact]
    public void ALiquidSyntaxError_ShowsAnInlineError()
    {
        var cut = RenderEditor("noshow-3");

        cut.InputAt("[data-testid=subject-input] input", "Hello {{ first_name ");

        cut.WaitForAssertion(() => Assert.Contains("does not parse", cut.Find("[data-testid=template-error]").TextContent), Debounced);
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}{% endfor %}", "range of 100,000,000 items")]
    [InlineData("Hi {% include 'footer' %}", "{% include %} is not supported")]
    public void ATemplateThatWouldTakeTheServerDown_ShowsAnInlineError_AndTheEditorKeepsWorking(string body, string expected)
    {
        var cut = RenderEditor("noshow-2");

        cut.InputAt("[data-testid=body-input] textarea", body);
        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=template-error]").TextContent), Debounced);

        cut.InputAt("[data-testid=body-input] textarea", "Back to normal, {{ first_name }}.");
        cut.WaitForAssertion(() => Assert.Contains("Back to normal, Sarah.", cut.Find("[data-testid=preview-frame]").GetAttribute("srcdoc")), Debounced);
    }
}
