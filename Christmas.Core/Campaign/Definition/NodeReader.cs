using System.Globalization;

namespace Christmas.Core.Campaign.Definition;

/// <summary>Typed reads over the <see cref="DefinitionNode"/> tree: each miss is an error at its path (and line), never an exception.</summary>
internal sealed class NodeReader
{
    private readonly List<DefinitionError> _errors = [];
    private readonly Dictionary<string, int> _lines = [];

    public IReadOnlyList<DefinitionError> Errors => _errors;
    public IReadOnlyDictionary<string, int> Lines => _lines;

    public void Fail(string path, string message, DefinitionNode? node) => _errors.Add(new DefinitionError(path, message, node?.Line));

    /// <summary>The map's entries by key, or null when <paramref name="node"/> is not a map; unknown keys are errors.</summary>
    public Dictionary<string, DefinitionNode>? Map(DefinitionNode node, string path, IReadOnlyCollection<string> known)
    {
        Remember(path, node);
        if (node is not MapNode map)
        {
            Fail(path, "Expected an object (keys and values).", node);
            return null;
        }
        var entries = new Dictionary<string, DefinitionNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var at = Join(path, key);
            Remember(at, value);
            if (!known.Contains(key)) Fail(at, $"Unknown key '{key}'; expected one of: {string.Join(", ", known)}.", value);
            else if (!entries.TryAdd(key, value)) Fail(at, $"'{key}' is given twice.", value);
        }
        return entries;
    }

    public string? Text(Dictionary<string, DefinitionNode> map, string key, string path, bool required)
    {
        var at = Join(path, key);
        if (!map.TryGetValue(key, out var node) || node is ScalarNode { Type: ScalarType.Null })
        {
            if (required) Fail(at, $"'{key}' is required.", node);
            return null;
        }
        if (node is ScalarNode { Text: { } text }) return text;
        Fail(at, "Expected text.", node);
        return null;
    }

    public bool Bool(Dictionary<string, DefinitionNode> map, string key, string path, bool fallback)
    {
        if (!map.TryGetValue(key, out var node) || node is ScalarNode { Type: ScalarType.Null }) return fallback;
        if (node is ScalarNode { Type: ScalarType.Bool, Text: var text }) return text == "true";
        Fail(Join(path, key), "Expected true or false.", node);
        return fallback;
    }

    public decimal? Number(Dictionary<string, DefinitionNode> map, string key, string path, bool required)
    {
        var at = Join(path, key);
        if (!map.TryGetValue(key, out var node) || node is ScalarNode { Type: ScalarType.Null })
        {
            if (required) Fail(at, $"'{key}' is required.", node);
            return null;
        }
        if (node is ScalarNode { Type: ScalarType.Number, Text: var text }
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Fail(at, "Expected a number.", node);
        return null;
    }

    public TimeSpan Duration(Dictionary<string, DefinitionNode> map, string key, string path)
    {
        var text = Text(map, key, path, required: true);
        if (text is null) return TimeSpan.Zero;
        if (CampaignDuration.TryParse(text, out var value)) return value;
        Fail(Join(path, key), $"'{text}' is not {CampaignDuration.Hint}.", map[key]);
        return TimeSpan.Zero;
    }

    /// <summary>The list's items read by <paramref name="item"/> (null items are dropped: their errors are recorded).</summary>
    public List<T> List<T>(Dictionary<string, DefinitionNode> map, string key, string path, bool required, Func<DefinitionNode, string, T?> item)
    {
        var at = Join(path, key);
        if (!map.TryGetValue(key, out var node) || node is ScalarNode { Type: ScalarType.Null })
        {
            if (required) Fail(at, $"'{key}' is required.", node);
            return [];
        }
        if (node is not ListNode list)
        {
            Fail(at, "Expected a list.", node);
            return [];
        }
        var items = new List<T>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = $"{at}[{i}]";
            Remember(itemPath, list.Items[i]);
            if (item(list.Items[i], itemPath) is { } value) items.Add(value);
        }
        return items;
    }

    public string? TextItem(DefinitionNode node, string path)
    {
        if (node is ScalarNode { Type: not ScalarType.Null, Text: { } text }) return text;
        Fail(path, "Expected text.", node);
        return null;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private void Remember(string path, DefinitionNode node)
    {
        if (node.Line is { } line) _lines[path] = line;
    }
}
