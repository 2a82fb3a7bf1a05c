using Christmas.Core.Templates;

namespace Christmas.Core.Delivery;

/// <summary>What a sender is asked to deliver for one step: the rendered email, its headers and the data it was rendered with.</summary>
public sealed record OutgoingEmail(
    long StepId,
    string To,
    string TemplateKey,
    string IdempotencyKey,
    RenderedEmail Content,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string?> Variables);
