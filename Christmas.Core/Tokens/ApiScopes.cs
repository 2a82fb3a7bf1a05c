namespace Christmas.Core.Tokens;

/// <summary>What a stored API token may do. Console users are governed by their role instead.</summary>
public static class ApiScopes
{
    /// <summary>Executions, flows, logs (the Kestra-like API), the outbox, the funnel, Notion's status.</summary>
    public const string MonitoringRead = "monitoring:read";
    /// <summary>Contacts, their export, the suppression list.</summary>
    public const string ContactsRead = "contacts:read";
    /// <summary>Trigger, cancel, re-send, replay, suppress and unsuppress.</summary>
    public const string ContactsWrite = "contacts:write";
    /// <summary>Templates, the campaign definition and its draft, previews and simulations.</summary>
    public const string CampaignWrite = "campaign:write";
    public const string CampaignPublish = "campaign:publish";
    /// <summary>The Prometheus scrape at /metrics.</summary>
    public const string Metrics = "metrics";
    /// <summary>Everything, including settings, users, tokens and erasure.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [MonitoringRead, ContactsRead, ContactsWrite, CampaignWrite, CampaignPublish, Metrics, Admin];

    /// <summary>What each scope opens, for the Tokens page and the README.</summary>
    public static string Describe(string scope) => scope switch
    {
        MonitoringRead => "Read executions, flows, logs, the outbox, the funnel and Notion's status",
        ContactsRead => "Read contacts, their exports and the suppression list",
        ContactsWrite => "Start, cancel and re-send sequences, replay calls, suppress and unsuppress addresses",
        CampaignWrite => "Read and edit templates and the campaign draft, preview and simulate",
        CampaignPublish => "Publish the campaign draft",
        Metrics => "Scrape /metrics",
        Admin => "Everything, including settings, tokens, erasure and the scheduler",
        _ => scope,
    };

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
