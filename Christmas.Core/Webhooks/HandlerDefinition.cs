using Christmas.Core.Sequences;

namespace Christmas.Core.Webhooks;

/// <summary>One of the website's webhooks: its fields and the sequence it starts (none for signup).</summary>
/// <param name="WebsiteStatusField">The field reporting the email the website sent itself (assessment #1).</param>
public sealed record HandlerDefinition(
    string Name,
    string DefaultKey,
    string Description,
    SequenceKind? Starts,
    IReadOnlyList<FieldRule> Fields,
    string? WebsiteStatusField = null)
{
    public string WebhookPath => $"/api/v1/executions/webhook/christmas/handlers/{Name}";
}
