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

    private static readonly string[] Kinds = Enum.GetValues<SequenceKind>().Select(k => k.ToApiName()).ToArray();
    private string Kind { get; set; } = Kinds[0];
    private FunnelReport? Report { get; set; }
    private List<ChartSeries<double>> Series { get; set; } = [];
    private string[] Labels { get; set; } = [];
    private BarChartOptions Options { get; set; } = new();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task OnKindChanged(string kind)
    {
        Kind = kind;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Report = await Funnel.ForAsync(Enum.GetValues<SequenceKind>().Single(k => k.ToApiName() == Kind), CancellationToken.None);
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
