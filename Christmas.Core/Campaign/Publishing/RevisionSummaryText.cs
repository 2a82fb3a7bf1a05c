namespace Christmas.Core.Campaign.Publishing;

/// <summary>The revision history's one-line summary of a publish, from its changes.</summary>
public static class RevisionSummaryText
{
    private const int MaxLength = 2000;

    public static string Of(IReadOnlyList<DefinitionChange> changes)
    {
        if (changes.Count == 0) return "No change to sequences or handlers";
        var text = string.Join("; ", changes.Select(c => c switch
        {
            { Handler: { } handler } => $"{c.Change} {handler}",
            { Step: { } step } => $"{c.Sequence} step {step} {c.Change}",
            _ => $"{c.Change} {c.Sequence}",
        }));
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
