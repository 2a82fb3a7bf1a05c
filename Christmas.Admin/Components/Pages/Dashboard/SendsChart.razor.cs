using System.Globalization;
using Christmas.Admin.Components.Shared;
using Christmas.Core.Dashboard;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Dashboard;

/// <summary>One bar chart over 28 days: the past 14 (sent) then the next 14 (scheduled), today in both.</summary>
public partial class SendsChart
{
    [Parameter, EditorRequired] public IReadOnlyList<DailyCount> Sent { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<DailyCount> Scheduled { get; set; } = [];

    private List<ChartSeries<double>> Series { get; set; } = [];
    private string[] Labels { get; set; } = [];
    private int SentTotal { get; set; }
    private int ScheduledTotal { get; set; }

    private BarChartOptions Options { get; set; } = new();

    protected override void OnParametersSet()
    {
        var days = Sent.Select(d => d.Day).Union(Scheduled.Select(d => d.Day)).Order().ToList();
        var sent = Sent.ToDictionary(d => d.Day, d => d.Count);
        var scheduled = Scheduled.ToDictionary(d => d.Day, d => d.Count);
        var today = Scheduled.Count > 0 ? Scheduled[0].Day : (DateOnly?)null; // the scheduled window starts today
        Labels = days.Select(d => d == today ? "Today" : d.ToString("d MMM", CultureInfo.InvariantCulture)).ToArray();
        Series =
        [
            new() { Name = "Sent", Data = days.Select(d => (double)sent.GetValueOrDefault(d)).ToArray() },
            new() { Name = "Scheduled", Data = days.Select(d => (double)scheduled.GetValueOrDefault(d)).ToArray() },
        ];
        var tallest = Series.SelectMany(s => s.Data).DefaultIfEmpty(0).Max();
        Options = new BarChartOptions { XAxisLabelRotation = 45, YAxisTicks = ChartScale.Step(tallest), MaxNumYAxisTicks = ChartScale.MaxTicks };
        SentTotal = Sent.Sum(d => d.Count);
        ScheduledTotal = Scheduled.Sum(d => d.Count);
    }
}
