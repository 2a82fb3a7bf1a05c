namespace Christmas.Core.Contacts;

/// <summary>
/// A person the website told us about; the trimmed, lower-cased email is the identity. Webhooks
/// write contacts through <see cref="Persistence.IngestStore"/> (the hot path), everything else through EF.
/// </summary>
public sealed class Contact
{
    public long Id { get; private set; }
    public string Email { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string? BusinessName { get; private set; }
    public int? RedSystems { get; private set; }
    public int? OrangeSystems { get; private set; }
    public int? YellowSystems { get; private set; }
    public int? GreenSystems { get; private set; }
    public string? WeakestSystem1 { get; private set; }
    public string? WeakestSystem2 { get; private set; }
    public decimal? RevenueLeakTotal { get; private set; }
    public Segment? Segment { get; private set; }
    public ContactStatus Status { get; private set; } = ContactStatus.Active;
    /// <summary>When the contact left the list (unsubscribe, bounce, complaint or a manual suppression).</summary>
    public DateTime? SuppressedAt { get; private set; }
    /// <summary>IANA time zone from the latest webhook that named one (<c>timezone</c>); null: <c>Campaign:DefaultTimeZone</c>.</summary>
    public string? TimeZone { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>When the person was erased on request (<see cref="Erase"/>); null for everyone else.</summary>
    public DateTime? ErasedAt { get; private set; }

    private Contact() { }

    public Contact(string email, string firstName, DateTime now)
    {
        Email = email;
        FirstName = firstName;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A contact as the ingest's prepared SQL read it, so the engine's rules apply to it in memory.</summary>
    public static Contact Restore(long id, string email, string firstName, string? businessName, int? red, int? orange, int? yellow, int? green,
        string? weakest1, string? weakest2, decimal? revenueLeakTotal, Segment? segment, ContactStatus status, DateTime? suppressedAt,
        string? timeZone, DateTime createdAt, DateTime updatedAt) => new()
    {
        Id = id, Email = email, FirstName = firstName, BusinessName = businessName,
        RedSystems = red, OrangeSystems = orange, YellowSystems = yellow, GreenSystems = green,
        WeakestSystem1 = weakest1, WeakestSystem2 = weakest2, RevenueLeakTotal = revenueLeakTotal, Segment = segment,
        Status = status, SuppressedAt = suppressedAt, TimeZone = timeZone, CreatedAt = createdAt, UpdatedAt = updatedAt,
    };

    public bool IsSuppressed => Status != ContactStatus.Active;

    public bool IsErased => ErasedAt is not null;

    /// <summary>The address an erased contact's row keeps: unique, and undeliverable (RFC 2606 reserves <c>.invalid</c>).</summary>
    public static string ErasedEmail(long id) => $"erased-{id}@erased.invalid";

    /// <summary>
    /// The person asked to be forgotten: every personal field goes and the row stays (with a placeholder
    /// address and its segment), so sequence and step counts stay true. The contact is never mailed again.
    /// </summary>
    public void Erase(DateTime now)
    {
        Email = ErasedEmail(Id);
        FirstName = "";
        BusinessName = null;
        RedSystems = OrangeSystems = YellowSystems = GreenSystems = null;
        WeakestSystem1 = WeakestSystem2 = null;
        RevenueLeakTotal = null;
        TimeZone = null;
        if (!IsSuppressed)
        {
            Status = ContactStatus.Suppressed;
            SuppressedAt = now;
        }
        ErasedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes what the old Notion database knew (the import): only values it has overwrite ours, and a
    /// suppression it records is kept (never lifted: a person who left the list stays off it).
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool ApplyImport(ImportedContact data, DateTime now)
    {
        var before = (FirstName, BusinessName, RedSystems, OrangeSystems, YellowSystems, GreenSystems,
            WeakestSystem1, WeakestSystem2, RevenueLeakTotal, Segment, Status, TimeZone);
        FirstName = data.FirstName ?? FirstName;
        BusinessName = data.BusinessName ?? BusinessName;
        RedSystems = data.RedSystems ?? RedSystems;
        OrangeSystems = data.OrangeSystems ?? OrangeSystems;
        YellowSystems = data.YellowSystems ?? YellowSystems;
        GreenSystems = data.GreenSystems ?? GreenSystems;
        WeakestSystem1 = data.WeakestSystem1 ?? WeakestSystem1;
        WeakestSystem2 = data.WeakestSystem2 ?? WeakestSystem2;
        RevenueLeakTotal = data.RevenueLeakTotal ?? RevenueLeakTotal;
        Segment = data.Segment ?? Segment;
        if (data.Status is { } status and not ContactStatus.Active && !IsSuppressed)
        {
            Status = status;
            SuppressedAt = now;
        }
        TimeZone = data.TimeZone ?? TimeZone;
        var changed = before != (FirstName, BusinessName, RedSystems, OrangeSystems, YellowSystems, GreenSystems,
            WeakestSystem1, WeakestSystem2, RevenueLeakTotal, Segment, Status, TimeZone);
        if (changed) UpdatedAt = now;
        return changed;
    }

    /// <summary>
    /// A webhook's data on the contact (<see cref="Campaign.Engine.CampaignEngine.ApplyCall"/>; the ingest stores the result):
    /// the latest call wins, a field the call lacks keeps its value, a new assessment replaces the old one whole.
    /// </summary>
    public void ApplyWebhook(Webhooks.WebhookInput input, Segment? segment, DateTime now)
    {
        FirstName = input.Text("first_name") ?? "";
        BusinessName = input.Text("business_name") ?? BusinessName;
        if (input.HasAssessment)
        {
            RedSystems = input.Counts["red_systems"];
            OrangeSystems = input.Counts["orange_systems"];
            YellowSystems = input.Counts["yellow_systems"];
            GreenSystems = input.Counts["green_systems"];
            WeakestSystem1 = input.Text("weakest_system_1");
            WeakestSystem2 = input.Text("weakest_system_2");
            RevenueLeakTotal = input.Amount;
            Segment = segment;
        }
        TimeZone = input.Text("timezone") ?? TimeZone;
        UpdatedAt = now;
    }

    /// <returns>False when the contact had already left the list (unsubscribing is idempotent).</returns>
    public bool Unsubscribe(DateTime now) => Suppress(ContactStatus.Unsubscribed, now);

    /// <summary>The contact leaves the list; the first reason stays (a bounce after an unsubscribe changes nothing).</summary>
    /// <returns>False when the contact had already left it.</returns>
    public bool Suppress(ContactStatus status, DateTime now)
    {
        if (IsSuppressed || status == ContactStatus.Active) return false;
        Status = status;
        SuppressedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>An Admin removed the address from the suppression list: it may be mailed again (ended sequences stay ended).</summary>
    public bool Reactivate(DateTime now)
    {
        if (!IsSuppressed) return false;
        Status = ContactStatus.Active;
        SuppressedAt = null;
        UpdatedAt = now;
        return true;
    }
}
