namespace Christmas.Core.Notion.Mapping;

/// <summary>Where one field landed in the database's schema, or why it did not.</summary>
/// <param name="Property">The property name we looked for (configured or default).</param>
/// <param name="Found">The schema's own spelling of it, when it exists with a type we can write.</param>
/// <param name="Problem">"missing", or "is a number, expected select", ...; null when mapped.</param>
public sealed record PropertyMapping(string Field, string Property, string ExpectedType, string? Found, string? FoundType, string? Problem)
{
    public bool IsMapped => Problem is null;
}
