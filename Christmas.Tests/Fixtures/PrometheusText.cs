using System.Globalization;
using System.Text.RegularExpressions;

namespace Christmas.Tests.Fixtures;

/// <summary>Reads samples out of a Prometheus text exposition, as a scraper would.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 when there is none.</summary>
    public static double Value(string text, string name, params (string Key, string Value)[] labels) =>
        Samples(text).Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>Whether any sample has this name.</summary>
    public static bool Has(string text, string name) => Samples(text).Any(s => s.Name == name);

    public static IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Samples(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = Sample().Match(line.TrimEnd('\r'));
            if (!match.Success) throw new FormatException($"Not a Prometheus sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var v => double.Parse(v, CultureInfo.InvariantCulture),
            };
            yield return (match.Groups["name"].Value, labels, value);
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
