namespace Christmas.Core.Campaign.Definition;

/// <summary>The kinds a field may have, spelled as in the document.</summary>
public static class FieldKinds
{
    public const string Email = "email";
    public const string Text = "text";
    /// <summary>An integer 0-8 (the assessment's systems).</summary>
    public const string Count = "count";
    /// <summary>An integer within the field's min and max.</summary>
    public const string Integer = "integer";
    public const string Amount = "amount";
    /// <summary>ISO 8601 with an offset; what an anchor is.</summary>
    public const string Timestamp = "timestamp";

    public static readonly IReadOnlyList<string> All = [Email, Text, Count, Integer, Amount, Timestamp];
}
