namespace Christmas.Core.Templates;

/// <summary>An email ready to hand to a provider: subject, responsive HTML and the plain-text part.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
