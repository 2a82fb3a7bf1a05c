namespace Christmas.Core.Campaign.Definition;

/// <summary>
/// JSON and YAML read into one small tree (with YAML's line numbers), so one mapper reads both
/// formats and reports the same paths, and one tree writes both.
/// </summary>
internal abstract record DefinitionNode(int? Line);

internal sealed record MapNode(IReadOnlyList<KeyValuePair<string, DefinitionNode>> Entries, int? Line = null, bool Flow = false) : DefinitionNode(Line);

internal sealed record ListNode(IReadOnlyList<DefinitionNode> Items, int? Line = null, bool Flow = false) : DefinitionNode(Line);

internal enum ScalarType { Null, Bool, Number, String }

internal sealed record ScalarNode(string? Text, ScalarType Type, int? Line = null) : DefinitionNode(Line)
{
    public static readonly ScalarNode Null = new(null, ScalarType.Null);

    public static ScalarNode Of(string? text) => text is null ? Null : new(text, ScalarType.String);
}
