namespace Christmas.Core.Templates;

/// <summary>A draft rendered for the editor, or the errors that stop it (which saving would reject too).</summary>
public sealed record TemplatePreviewResult(RenderedEmail? Email, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, string?> Variables)
{
    public bool IsValid => Email is not null;
}
