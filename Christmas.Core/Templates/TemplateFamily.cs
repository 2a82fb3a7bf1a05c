namespace Christmas.Core.Templates;

/// <summary>A base template's current version with its segment variants' (in the order CRITICAL, URGENT, OPTIMIZE).</summary>
public sealed record TemplateFamily(EmailTemplate Template, IReadOnlyList<EmailTemplate> Variants);
