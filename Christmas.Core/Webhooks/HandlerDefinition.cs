namespace Christmas.Core.Webhooks;

/// <summary>A handler of the published definition, compiled for the webhook: its fields and the sequence it starts (none for signup).</summary>
/// <param name="DefaultKey">The key used when <c>Webhooks:Keys:&lt;name&gt;</c> is not set: the guide's for its five handlers, else one generated and stored.</param>
/// <param name="Starts">A sequence name, or null.</param>
/// <param name="WebsiteStatusField">The field reporting the email the website sent itself (assessment #1).</param>
public sealed record HandlerDefinition(
    string Name,
    string DefaultKey,
    string Description,
    string? Starts,
    IReadOnlyList<FieldRule> Fields,
    string? WebsiteStatusField = null)
{
    public string WebhookPath => $"/api/v1/executions/webhook/christmas/handlers/{Name}";

    /// <summary>The default key is the one printed in the website integration guide (anyone can read it).</summary>
    public bool DefaultKeyIsPublic => GuideKeys.Find(Name) == DefaultKey;
}
