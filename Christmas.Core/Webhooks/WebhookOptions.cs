namespace Christmas.Core.Webhooks;

/// <summary>
/// Section <c>Webhooks</c>: <c>Webhooks:Keys:&lt;handler&gt;</c> overrides a handler's key;
/// <c>Webhooks:AllowedOrigins</c> lists the websites allowed to call the webhooks from a browser (CORS; none by default);
/// <c>Webhooks:RefusedKept</c> bounds the refused calls kept; <c>Webhooks:MaxActiveSequencesPerContact</c> caps one address's active sequences of a kind.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    public Dictionary<string, string> Keys { get; set; } = [];
    /// <summary>Origins such as <c>https://www.example.com</c>; an entry may hold several separated by commas.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
    /// <summary>How many refused calls are kept as FAILED executions (the newest); a flood of them cannot grow the database.</summary>
    public int RefusedKept { get; set; } = 10_000;
    /// <summary>
    /// Active sequences one contact may have of one kind: varying a dedupe field (e.g. <c>calendly_event_id</c>)
    /// must not give one address any number of them. A further call answers 200 with a warning and starts nothing.
    /// </summary>
    public int MaxActiveSequencesPerContact { get; set; } = 3;
}
