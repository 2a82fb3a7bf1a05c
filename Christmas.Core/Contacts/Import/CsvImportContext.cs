namespace Christmas.Core.Contacts.Import;

/// <summary>One import's settings, as every chunk needs them.</summary>
/// <param name="File">The file's name, kept on each created contact's consent record.</param>
/// <param name="Actor">Who imports it (audited, and kept on the consent record).</param>
public sealed record CsvImportContext(CsvImportMode Mode, bool DryRun, string File, string Actor);
