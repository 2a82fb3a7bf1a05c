using Christmas.Admin.Components.Shared;
using Christmas.Core.Common;
using Christmas.Core.Funnel;
using Christmas.Core.Sequences;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Funnel;

public partial class FunnelPage
{
    [Inject] private FunnelQueries Funnel { get; set; } = default!;
    [Inject] private Christmas.Core.Campaign.Live.PublishedCampaign Published { get; set; } = default!;

    /// <summary>The published definition's sequences.</summary>
    private IReadOnlyList<string> Kinds { get; set; } = [];
    private string Kind { get; set; } = "";
    private FunnelReport? Report { get; set; }
    private List<ChartSeries<double>> Series { get; set; } = [];
    private string[] Labels { get; set; } = [];
    private BarChartOptions Options { get; set; } = new();

    protected override async Task OnInitializedAsync()
    {
        Kinds = (await Published.CurrentAsync(CancellationToken.None)).Sequences.Select(s => s.Name).ToList();
        Kind = Kinds.FirstOrDefault() ?? "";
        await LoadAsync();
    }

    private async Task OnKindChanged(string kind)
    {
        Kind = kind;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Report = await Funnel.ForAsync(Kind, CancellationToken.None);
        if (Report is null) return;
        Labels = Report.Steps.Select(s => $"#{s.Number}").ToArray();
        Series =
        [
            new() { Name = "Sent", Data = Report.Steps.Select(s => (double)s.Sent).ToArray() },
            new() { Name = "Delivered", Data = Report.Steps.Select(s => (double)s.Delivered).ToArray() },
            new() { Name = "Opened", Data = Report.Steps.Select(s => (double)s.Opened).ToArray() },
            new() { Name = "Clicked", Data = Report.Steps.Select(s => (double)s.Clicked).ToArray() },
        ];
        var tallest = Series.SelectMany(s => s.Data).DefaultIfEmpty(0).Max();
        Options = new BarChartOptions { YAxisTicks = ChartScale.Step(tallest), MaxNumYAxisTicks = ChartScale.MaxTicks };
    }
}
