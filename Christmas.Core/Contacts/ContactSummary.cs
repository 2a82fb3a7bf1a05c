namespace Christmas.Core.Contacts;

/// <summary>A row of the contacts list.</summary>
public sealed record ContactSummary(
    string Email,
    string FirstName,
    string? BusinessName,
    string? Segment,
    string Status,
    int ActiveSequences,
    DateTime? LastEmailAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);
