namespace Christmas.Core.Campaign.Definition;

/// <summary>A definition read from text: the document when it could be read, the errors, and each path's line (YAML).</summary>
public sealed record ParsedDefinition(CampaignDocument? Document, IReadOnlyList<DefinitionError> Errors, IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>The errors of a later check (the validator knows paths only) with the line of their path, or of its nearest parent.</summary>
    public IReadOnlyList<DefinitionError> WithLines(IEnumerable<DefinitionError> errors) =>
        errors.Select(e => e.Line is null && LineOf(e.Path) is { } line ? e with { Line = line } : e).ToList();

    private int? LineOf(string path)
    {
        for (var at = path; at.Length > 0; at = Parent(at))
            if (Lines.TryGetValue(at, out var line)) return line;
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
