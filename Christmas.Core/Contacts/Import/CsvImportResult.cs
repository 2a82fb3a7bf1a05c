namespace Christmas.Core.Contacts.Import;

/// <summary>
/// The answer of <c>POST /api/contacts/import</c>. <see cref="Skipped"/> counts rows that changed nothing: existing contacts
/// left alone, unchanged rows, addresses already on the list, and bad rows (each of which is also in <see cref="Errors"/>).
/// </summary>
public sealed record CsvImportResult(int Rows, int Created, int Updated, int Skipped, int Suppressed, IReadOnlyList<CsvImportError> Errors)
{
    public bool DryRun { get; init; }
}

/// <param name="Row">The CSV row, the header being row 1.</param>
/// <param name="Column">The header of the column at fault, as the file spells it; null for a problem with the whole row.</param>
public sealed record CsvImportError(int Row, string? Column, string Message);
