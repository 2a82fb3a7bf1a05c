using System.Globalization;

namespace Christmas.Bench;

public static class Stats
{
    /// <summary>Nearest-rank percentile of sorted values (p in 0..100): the value that p% of samples do not exceed.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"p50=1.2 p90=3.4 p99=5.6 max=7.8" in milliseconds, one line that run.sh can grep.</summary>
    public static string Summary(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        return $"p50={F(Percentile(sorted, 50))} p90={F(Percentile(sorted, 90))} p99={F(Percentile(sorted, 99))} max={F(sorted.Count == 0 ? double.NaN : sorted[^1])} ms";
    }

    /// <summary>"p50=1.2 p95=3.4 max=5.6 ms": the contacts figures (30 runs are too few for a p99).</summary>
    public static string P50P95Max(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        return $"p50={F(Percentile(sorted, 50))} p95={F(Percentile(sorted, 95))} max={F(sorted.Count == 0 ? double.NaN : sorted[^1])} ms";
    }
}
