using Christmas.Core.Templates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Templates;

/// <summary>The templates by sequence, step and segment variant, with their current version.</summary>
public partial class TemplatesPage
{
    [Inject] private TemplateLibrary Library { get; set; } = default!;

    private IReadOnlyList<TemplateSummary>? Rows { get; set; }

    protected override async Task OnInitializedAsync() => Rows = await Library.ListAsync(CancellationToken.None);

    internal static Color SegmentColor(string segment) => segment switch
    {
        "CRITICAL" => Color.Error,
        "URGENT" => Color.Warning,
        _ => Color.Success,
    };
}
