namespace Christmas.Core.Contacts.Import;

/// <summary>What one chunk did; erased addresses come back as errors (their rows are skipped).</summary>
public sealed record CsvChunkCounts(int Created, int Updated, int Skipped, int Suppressed, IReadOnlyList<CsvImportError> Errors);
