using System.Globalization;

namespace Christmas.Bench;

/// <summary>"--name value" pairs; every option has a value.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            options._values[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    public string? Find(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string? fallback = null) =>
        Find(name) ?? fallback ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int? fallback = null) =>
        Find(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"--{name} is required.");
}
