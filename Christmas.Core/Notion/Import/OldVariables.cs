using System.Text.RegularExpressions;

namespace Christmas.Core.Notion.Import;

/// <summary>
/// Turns the old templates' <c>{{name}}</c> placeholders (plain substitution, CamelCase aliases
/// included) into our Liquid variables. A name with no equivalent stays unknown: the old system
/// mailed such placeholders raw; we refuse the template instead.
/// </summary>
public static partial class OldVariables
{
    // Old names whose meaning we hold under another name; CamelCase is turned into snake_case first.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["deadline_date"] = "deadline",
        ["calendly_url"] = "calendly_link",
        ["booking_link"] = "calendly_link",
        ["revenue_leak"] = "revenue_leak_total",
        ["total_revenue_leak"] = "revenue_leak_total",
        ["name"] = "first_name",
        ["business"] = "business_name",
    };

    /// <returns>The text with our variable names, and the old names that have no equivalent.</returns>
    public static (string Text, IReadOnlyList<string> Unknown) Translate(string text, IReadOnlySet<string> known)
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var translated = Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (Ours(name, known) is { } ours) return $"{{{{ {ours} }}}}";
            unknown.Add(name);
            return m.Value;
        });
        return (translated, unknown.ToList());
    }

    private static string? Ours(string name, IReadOnlySet<string> known)
    {
        if (known.Contains(name)) return name;
        var snake = WordStart().Replace(name, "_").ToLowerInvariant();
        if (Aliases.TryGetValue(snake, out var alias)) snake = alias;
        return known.Contains(snake) ? snake : null;
    }

    // {{ name }} with or without spaces; filters or tags are not the old system's and are left alone.
    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    // Before an upper-case letter that follows a lower-case letter or digit, and before a digit run after a letter.
    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")]
    private static partial Regex WordStart();
}
