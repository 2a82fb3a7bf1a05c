namespace Christmas.Core.Templates;

/// <summary>A draft rendered for the editor, or the errors that stop it (which saving would reject too).</summary>
/// <param name="RenderedKey">
/// The key shown: the edited one, or, for a real contact whose segment gets another key of the family
/// (<see cref="SegmentVariants"/>), that key's saved text - what the contact will receive.
/// </param>
/// <param name="Notice">Why another key than the edited one is shown; null when the draft is shown.</param>
public sealed record TemplatePreviewResult(RenderedEmail? Email, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, string?> Variables,
    string? RenderedKey = null, string? Notice = null)
{
    public bool IsValid => Email is not null;
    /// <summary>The contact asked for does not exist (the API answers 404, not 400).</summary>
    public bool UnknownContact { get; init; }
}
