using Christmas.Core.Notion.Status;

namespace Christmas.Core.Contacts;

/// <summary>A contact with every sequence and step (DESIGN.md "Operator and monitoring API").</summary>
public sealed record ContactDetails(
    string Email,
    string FirstName,
    string? BusinessName,
    string? Segment,
    int? RedSystems,
    int? OrangeSystems,
    int? YellowSystems,
    int? GreenSystems,
    string? WeakestSystem1,
    string? WeakestSystem2,
    decimal? RevenueLeakTotal,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<SequenceView> Sequences,
    NotionSync Notion,
    string? TimeZone = null,
    IReadOnlyList<NextSend>? Upcoming = null,
    Consent.ConsentView? Consent = null);

/// <param name="Revision">The campaign definition revision the sequence follows.</param>
public sealed record SequenceView(
    long Id,
    string Kind,
    string Status,
    string Mode,
    DateTime AnchorAt,
    DateTime CreatedAt,
    DateTime? EndedAt,
    string? EndedReason,
    string? ExecutionId,
    IReadOnlyList<StepView> Steps,
    NotionSync? Notion = null,
    int Revision = 1);

public sealed record StepView(
    long Id,
    int Number,
    string TemplateKey,
    DateTime DueAt,
    string Status,
    string? SentBy,
    DateTime? SentAt,
    string? ProviderMessageId,
    int Attempts,
    string? LastError,
    DateTime SendAt,
    string? SendAtReason = null,
    string? DeliveryStatus = null,
    IReadOnlyList<DeliveryEventView>? Events = null,
    string? WouldSkipBecause = null);

/// <summary>One provider event on a step's timeline: <c>delivered</c>, <c>opened</c>, ... (Resend's type without <c>email.</c>).</summary>
public sealed record DeliveryEventView(string Type, DateTime At);
