using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Christmas.Bench;

/// <summary>
/// The growth figure: webhook, search and send-lag milliseconds against the number of contacts,
/// from a TSV of one row per size. Both axes are log10 when the values allow it: sizes are decades
/// apart and the three costs are orders of magnitude apart, so a linear y would flatten the small ones.
/// </summary>
public static class PlotCommand
{
    private static readonly (string Column, string Legend)[] Series =
    [
        ("webhook_p99_ms", "webhook p99 at 200 req/s"),
        ("search_p50_ms", "contacts search by email p50"),
        ("lag_p99_ms", "send lag p99"),
    ];

    public static int Run(Options options)
    {
        var tsv = options.Text("tsv");
        var output = options.Text("out");
        var title = options.Text("title", "Cost growth with the number of contacts (SQLite, 2 cores)");

        string[] lines;
        try { lines = File.ReadAllLines(tsv); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {tsv}: {ex.Message}");
        }
        if (!TryRead(lines, out var sizes, out var values, out var error))
            return Fail($"{tsv}: {error}");

        var points = values.Sum(v => v.Count(double.IsFinite));
        if (points == 0) return Fail($"{tsv}: no numbers to plot");

        // ScottPlot's Skia (the NoDependencies build, no fontconfig) reads fonts from /usr/share/fonts;
        // with none there it lists one nameless family and draws every label blank rather than failing.
        var families = SkiaSharp.SKFontManager.Default.GetFontFamilies();
        if (families.All(string.IsNullOrEmpty)) return Fail("no fonts found under /usr/share/fonts: apt-get install -y fonts-dejavu-core");
        // Its default face resolves to a serif one on Debian; a sans one reads better.
        if (new[] { "DejaVu Sans", "Liberation Sans" }.FirstOrDefault(families.Contains) is { } sans) Fonts.Default = sans;
        var plot = new Plot();
        // Log axes are drawn as log10 of the data with labels formatted back (ScottPlot 5 has no log axis type).
        var ys = values.SelectMany(v => v).Where(double.IsFinite).ToArray();
        var logY = ys.All(y => y > 0);
        for (var s = 0; s < Series.Length; s++)
        {
            var xs = new List<double>();
            var yv = new List<double>();
            for (var i = 0; i < sizes.Length; i++)
            {
                if (!double.IsFinite(values[s][i])) continue; // missing for this size: a gap, not a zero
                xs.Add(Math.Log10(sizes[i]));
                yv.Add(logY ? Math.Log10(values[s][i]) : values[s][i]);
            }
            var line = plot.Add.Scatter(xs.ToArray(), yv.ToArray());
            line.LegendText = Series[s].Legend;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        plot.Axes.Bottom.TickGenerator = DecadeTicks(Math.Log10(sizes.Min()), Math.Log10(sizes.Max()));
        plot.Axes.SetLimitsX(Math.Log10(sizes.Min()) - 0.2, Math.Log10(sizes.Max()) + 0.2);
        if (logY)
        {
            var lo = Math.Log10(ys.Min());
            var hi = Math.Log10(ys.Max());
            plot.Axes.Left.TickGenerator = DecadeTicks(lo, hi);
            // Pad to whole decades so every line sits between two labelled ticks.
            plot.Axes.SetLimitsY(Math.Floor(lo) - 0.05, Math.Ceiling(hi) + 0.05);
        }
        plot.Title(title);
        plot.XLabel("contacts (log scale)");
        plot.YLabel(logY ? "milliseconds (log scale)" : "milliseconds");
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.04);
        // Below the axes, so it can never hide a point.
        plot.ShowLegend(Edge.Bottom);

        try { plot.SavePng(output, 1000, 560); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write {output}: {ex.Message}");
        }
        Console.WriteLine($"plot: out={output} points={points}");
        return 0;
    }

    /// <summary>Sizes (contacts) and, per series, one value per size; NaN where empty or NA.</summary>
    private static bool TryRead(string[] lines, out double[] sizes, out double[][] values, out string error)
    {
        sizes = [];
        values = [];
        error = "";
        var header = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Split('\t').Select(h => h.Trim()).ToArray();
        string[] expected = ["contacts", .. Series.Select(s => s.Column)];
        if (header is null || !header.SequenceEqual(expected))
        {
            error = $"header must be '{string.Join("<TAB>", expected)}', got '{header?.Aggregate((a, b) => a + "<TAB>" + b)}'";
            return false;
        }

        var rows = new List<double[]>();
        var lineNo = Array.FindIndex(lines, l => l.Trim().Length > 0) + 1;
        foreach (var line in lines.Skip(lineNo))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var cells = line.Split('\t');
            if (!double.TryParse(cells[0], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var size) || size <= 0)
            {
                error = $"line {lineNo}: contacts '{cells[0]}' is not a positive number";
                return false;
            }
            var row = new double[Series.Length + 1];
            row[0] = size;
            for (var c = 1; c <= Series.Length; c++)
            {
                var cell = c < cells.Length ? cells[c].Trim() : "";
                if (cell.Length == 0 || cell.Equals("NA", StringComparison.OrdinalIgnoreCase)) row[c] = double.NaN;
                else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0) row[c] = v;
                else
                {
                    error = $"line {lineNo}: {expected[c]} '{cell}' is not a number of milliseconds (empty or NA for none)";
                    return false;
                }
            }
            rows.Add(row);
        }
        rows.Sort((a, b) => a[0].CompareTo(b[0])); // lines are drawn in row order
        sizes = rows.Select(r => r[0]).ToArray();
        values = Enumerable.Range(1, Series.Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();
        return true;
    }

    /// <summary>Labelled ticks at each power of ten (1,000 not 1E+03), unlabelled ones at 2..9 times it.</summary>
    private static NumericManual DecadeTicks(double lo, double hi)
    {
        var ticks = new NumericManual();
        for (var d = (int)Math.Floor(lo) - 1; d <= (int)Math.Ceiling(hi) + 1; d++)
        {
            var value = Math.Pow(10, d);
            ticks.AddMajor(d, value >= 1 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture));
            for (var m = 2; m <= 9; m++) ticks.AddMinor(d + Math.Log10(m));
        }
        return ticks;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"plot: {message}");
        return 2;
    }
}
