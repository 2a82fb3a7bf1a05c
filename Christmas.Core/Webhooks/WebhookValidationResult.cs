namespace Christmas.Core.Webhooks;

/// <summary>Either a valid input or the errors per field (every bad field, not just the first).</summary>
public sealed record WebhookValidationResult(WebhookInput? Input, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Input is not null;
}
