namespace Christmas.Admin.Components.Shared;

/// <summary>
/// The y-axis step of the console's count charts, from the data: about five gridlines on a "nice" step
/// (1, 2 or 5 times a power of ten, never below one email), so a chart whose tallest bar is 3 reads 0-3,
/// not 0-20 or 0-100.
/// </summary>
public static class ChartScale
{
    public const int Lines = 5;
    /// <summary>High enough that MudBlazor never doubles the step we chose (it does above this many gridlines).</summary>
    public const int MaxTicks = Lines * 3;

    public static int Step(double max)
    {
        if (double.IsNaN(max) || max <= Lines) return 1;
        var raw = max / Lines;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = (raw / magnitude) switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 5 => 5,
            _ => 10,
        };
        return (int)(nice * magnitude);
    }

    /// <summary>Where the axis ends: the step's first multiple at or above the tallest bar.</summary>
    public static int Top(double max) => Step(max) * (int)Math.Max(1, Math.Ceiling(max / Step(max)));
}
