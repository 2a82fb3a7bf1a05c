namespace Christmas.Core.Templates;

/// <summary>A row of the templates list: where the template is used and its current version.</summary>
/// <param name="Variant">The segment of a variant (CRITICAL, URGENT, OPTIMIZE); null for the base template.</param>
/// <param name="Audience">Who gets this key (a variant: its segment; the base: everyone else), with how many contacts.</param>
public sealed record TemplateSummary(
    string Sequence,
    int Step,
    string Key,
    string? Variant,
    int Version,
    string Author,
    DateTime UpdatedAt,
    string Subject,
    TemplateAudience? Audience = null);
