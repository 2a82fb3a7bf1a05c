namespace Christmas.Core.Privacy;

/// <summary>
/// Rows that name the person only inside their text (a payload, an audit detail), found by a scan. Taken
/// before an erasure's write, so the scan does not hold the writer; rows written after
/// <see cref="ScannedAt"/> are looked for again inside it.
/// </summary>
public sealed record TextMatches(
    IReadOnlyList<string> ExecutionIds,
    IReadOnlyList<long> DeliveryEventIds,
    IReadOnlyList<long> OutboxMessageIds,
    IReadOnlyList<long> AuditEntryIds,
    DateTime ScannedAt);
