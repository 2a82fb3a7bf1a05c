using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Templates;

/// <summary>The editor's preview for a real contact renders what that contact will receive: its segment's variant, else the edited text.</summary>
public sealed class TemplatePreviewTests(SegmentedContactsApp shared) : IClassFixture<SegmentedContactsApp>
{
    private TemplatePreview Preview => shared.App.Services.GetRequiredService<TemplatePreview>();
    private TemplateStore Store => shared.App.Services.GetRequiredService<TemplateStore>();
    private TemplateRenderer Renderer => shared.App.Services.GetRequiredService<TemplateRenderer>();

    [Fact]
    public async Task RenderAsync_ShowsTheSegmentsVariant_WhenTheContactGetsItInsteadOfTheEditedBase()
    {
        var critical = (await Store.CurrentAsync("assessment-2.critical", CancellationToken.None))!;

        var result = await Preview.RenderAsync("assessment-2", "Draft subject", "Draft body", SegmentedContactsApp.Critical, CancellationToken.None);

        Assert.Equal("assessment-2.critical", result.RenderedKey);
        Assert.Equal(await Renderer.RenderSubjectAsync(critical, result.Variables), result.Email!.Subject);
        Assert.DoesNotContain("Draft body", result.Email.Html);
        Assert.Contains("is in segment CRITICAL, so they get assessment-2.critical", result.Notice);
    }

    [Fact]
    public async Task RenderAsync_ShowsTheDraft_WhenTheContactGetsTheEditedKey()
    {
        var result = await Preview.RenderAsync("assessment-2.urgent", "Draft for {{ first_name }}", "Draft body", SegmentedContactsApp.Urgent, CancellationToken.None);

        Assert.Equal("assessment-2.urgent", result.RenderedKey);
        Assert.Equal("Draft for Sarah", result.Email!.Subject);
        Assert.Null(result.Notice);
    }

    [Fact]
    public async Task RenderAsync_OfAVariant_ShowsTheContactsOwnVariant_ForAContactInAnotherSegment()
    {
        var result = await Preview.RenderAsync("assessment-3.critical", "Draft", "Draft body", SegmentedContactsApp.Urgent, CancellationToken.None);

        Assert.Equal("assessment-3.urgent", result.RenderedKey);
        Assert.Contains("is in segment URGENT", result.Notice);
    }

    [Fact]
    public async Task RenderAsync_OfAStepWithoutVariants_ShowsTheDraft()
    {
        var result = await Preview.RenderAsync("noshow-2", "Draft", "Draft body", SegmentedContactsApp.Critical, CancellationToken.None);

        Assert.Equal("noshow-2", result.RenderedKey);
        Assert.Contains("Draft body", result.Email!.Html);
    }
}
