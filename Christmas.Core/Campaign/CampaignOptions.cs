namespace Christmas.Core.Campaign;

/// <summary>Campaign-wide settings bound from the <c>Campaign</c> configuration section.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaign";

    /// <summary>Folder of the SQLite files; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Initial testing mode, used only until an operator changes it (then the database value wins).</summary>
    public bool TestingMode { get; set; }

    /// <summary>A step overdue by less than this when its sequence is created is sent at once, else skipped.</summary>
    public TimeSpan OverdueGrace { get; set; } = TimeSpan.FromHours(12);

    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>Key of the unsubscribe links' HMAC; when unset, one is generated once and kept in the database.</summary>
    public string? UnsubscribeSecret { get; set; }
    public string? CalendlyUrl { get; set; }
    public string? Deadline { get; set; }
    public SenderIdentity Sender { get; set; } = new();

    /// <summary>Send window, e.g. <c>21:00-08:00</c>, in the contact's time zone: production steps due inside it move to its end. Null: off.</summary>
    public string? QuietHours { get; set; }
    /// <summary>IANA zone of contacts whose webhooks named none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";
    /// <summary>No email goes out after this (ISO 8601 with offset). Null: off.</summary>
    public DateTimeOffset? OfferEndsAt { get; set; }
    /// <summary>No contact gets two emails closer than this across its sequences; the later one moves. Null: off.</summary>
    public TimeSpan? MinimumGap { get; set; }
    public SegmentThresholds Segments { get; set; } = new();
}

public sealed class SenderIdentity
{
    public string? Name { get; set; }
    public string? PostalAddress { get; set; }
    public string? ContactEmail { get; set; }
}

/// <summary>The segment rule's thresholds, in one place (the rule the old flows used).</summary>
public sealed class SegmentThresholds
{
    public int CriticalMinRed { get; set; } = 2;
    public int UrgentMinRed { get; set; } = 1;
    public int UrgentMinOrange { get; set; } = 2;
}
