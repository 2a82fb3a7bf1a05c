namespace Christmas.Core.Notion;

/// <summary><c>Notion:*</c>: the mirror and the import are off unless <see cref="Token"/> is set.</summary>
public sealed class NotionOptions
{
    public const string Section = "Notion";
    /// <summary>The API version with data sources; every request carries it.</summary>
    public const string ApiVersion = "2025-09-03";

    public string? Token { get; set; }
    public string BaseUrl { get; set; } = "https://api.notion.com";
    public string? ContactsDatabaseId { get; set; }
    public string? SequenceTrackerDatabaseId { get; set; }
    /// <summary>The old system's Email Templates database, read by the template import only.</summary>
    public string? TemplatesDatabaseId { get; set; }
    /// <summary>Average budget for every request of this app (mirror, import, checks), retries included.</summary>
    public double RequestsPerSecond { get; set; } = 3;
    /// <summary>How long one attempt may take before it counts as failed (a hung Notion).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often the mirror looks at the change feed when it has nothing to do.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest the mirror pauses after Notion failed (it doubles from one second up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    public NotionDatabaseOptions Contacts { get; set; } = new();
    public NotionDatabaseOptions SequenceTracker { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
}

/// <summary>Our field name (e.g. <c>BusinessName</c>) to the team's property name (e.g. <c>last_name</c>).</summary>
public sealed class NotionDatabaseOptions
{
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
