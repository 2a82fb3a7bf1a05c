namespace Christmas.Core.Notion.Mapping;

/// <summary>
/// One of our fields and where it goes in Notion: the default property name (DESIGN.md "Notion") and
/// the property types it can be written as, the preferred one first.
/// </summary>
public sealed record NotionField(string Name, string DefaultProperty, IReadOnlyList<string> Types, bool Required = false)
{
    public const string Title = "Name";

    public bool IsTitle => Name == Title;
}
