using System.Globalization;
using Christmas.Admin.Components.Shared;
using Christmas.Core.Common;
using Christmas.Core.Sequences;
using Christmas.Core.Simulation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Simulator;

/// <summary>The simulation as a calendar: a stacked bar per day (one colour per sequence) and the same counts as a table.</summary>
public partial class SimulationCalendarView
{
    [Parameter, EditorRequired] public IReadOnlyList<SimulationDay> Days { get; set; } = [];

    /// <summary>The simulated definition's sequences: every day names each of them.</summary>
    private IReadOnlyList<string> Kinds => Days.FirstOrDefault()?.BySequence.Keys.ToList() ?? [];

    private List<ChartSeries<double>> Series { get; set; } = [];
    private string[] Labels { get; set; } = [];
    private StackedBarChartOptions Options { get; set; } = new();

    protected override void OnParametersSet()
    {
        Labels = Days.Select(d => d.Date.ToString("d MMM", CultureInfo.InvariantCulture)).ToArray();
        Series = Kinds.Select(kind => new ChartSeries<double> { Name = kind, Data = Days.Select(d => (double)Count(d, kind)).ToArray() }).ToList();
        // Stacked: the tallest bar is the busiest day's total.
        var tallest = Days.Select(d => (double)d.Total).DefaultIfEmpty(0).Max();
        Options = new StackedBarChartOptions { YAxisTicks = ChartScale.Step(tallest), MaxNumYAxisTicks = ChartScale.MaxTicks };
    }

    private static int Count(SimulationDay day, string kind) => day.BySequence.GetValueOrDefault(kind);
}
