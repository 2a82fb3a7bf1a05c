namespace Christmas.Core.Campaign.Definition;

/// <summary>One problem with a definition: where (<c>sequences[0].steps[2].offset</c>), what, and for YAML the line (1-based).</summary>
public sealed record DefinitionError(string Path, string Message, int? Line = null)
{
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : Message;
}
