using CsvHelper;

namespace Christmas.Core.Contacts.Import;

/// <summary>What the console shows before an import: the headers, the field each is detected as, and the first rows.</summary>
/// <param name="Fields">Per header, the detected field's name, or null when the column would be left out.</param>
public sealed record CsvImportPreview(IReadOnlyList<string> Headers, IReadOnlyList<string?> Fields, IReadOnlyList<string[]> Rows)
{
    public const int PreviewRows = 10;

    /// <returns>Null when the file has no header row.</returns>
    public static async Task<CsvImportPreview?> ReadAsync(Stream csv, CancellationToken ct)
    {
        await using var reader = CsvReader.Create(csv, CsvContactImporter.Options, leaveOpen: true);
        if (await CsvContactImporter.ReadHeaderAsync(reader, ct) is not { } headers) return null;
        var rows = new List<string[]>();
        while (rows.Count < PreviewRows && await CsvContactImporter.ReadAsync(reader, ct) is { } record)
            if (!record.All(string.IsNullOrWhiteSpace)) rows.Add(record);
        CsvColumnMap.Build(headers, null, out var map);
        return new CsvImportPreview(headers, map.Fields.Select(f => f?.Name).ToList(), rows);
    }
}
