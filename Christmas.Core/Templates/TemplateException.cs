namespace Christmas.Core.Templates;

/// <summary>A template that does not parse or uses a variable the data lacks: it is never sent.</summary>
public sealed class TemplateException(string templateKey, IReadOnlyList<string> errors)
    : Exception($"Template {templateKey}: {string.Join(" ", errors)}");
