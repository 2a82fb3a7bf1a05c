using Christmas.Core.Suppressions;

namespace Christmas.Core.Contacts.Import;

/// <summary>One good row of the file, read through the column map.</summary>
/// <param name="Row">The CSV row (header = row 1).</param>
public sealed record CsvImportRow(int Row, ImportedContact Contact, string? ConsentText, DateTime? ConsentAt, string? ConsentIp, SuppressionReason Reason);
