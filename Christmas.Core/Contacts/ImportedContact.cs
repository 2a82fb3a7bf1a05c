namespace Christmas.Core.Contacts;

/// <summary>A contact as another system (the old Notion database) knew it; null means "it did not say".</summary>
public sealed record ImportedContact(
    string Email,
    string? FirstName,
    string? BusinessName,
    int? RedSystems,
    int? OrangeSystems,
    int? YellowSystems,
    int? GreenSystems,
    string? WeakestSystem1,
    string? WeakestSystem2,
    decimal? RevenueLeakTotal,
    Segment? Segment,
    ContactStatus? Status,
    string? TimeZone = null);
