namespace Christmas.Core.Delivery;

/// <summary>What a sender is asked to deliver for one step. Rendering fills subject and bodies (delivery issue).</summary>
public sealed record OutgoingEmail(
    long StepId,
    string To,
    string TemplateKey,
    string IdempotencyKey,
    IReadOnlyDictionary<string, string?> Variables);
