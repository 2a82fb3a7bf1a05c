namespace Christmas.Core.Contacts.Import;

/// <summary>How far an import is: rows handled so far and the share of the file read (0..1, when its length is known).</summary>
public sealed record CsvImportProgress(int Rows, double? Fraction);
