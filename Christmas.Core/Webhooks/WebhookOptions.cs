namespace Christmas.Core.Webhooks;

/// <summary>Section <c>Webhooks</c>: <c>Webhooks:Keys:&lt;handler&gt;</c> overrides a handler's key.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    public Dictionary<string, string> Keys { get; set; } = [];
}
