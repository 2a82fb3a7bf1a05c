namespace Christmas.Core.Contacts.Import;

/// <summary>
/// What a CSV import does with each address: <c>upsert</c> creates or updates the contact, <c>skip-existing</c>
/// creates only new ones, <c>suppress</c> puts the addresses on the suppression list (an unsubscribe or bounce list).
/// </summary>
public enum CsvImportMode
{
    Upsert,
    SkipExisting,
    Suppress,
}

public static class CsvImportModes
{
    public const string Names = "upsert, skip-existing or suppress";

    public static bool TryParse(string? text, out CsvImportMode mode)
    {
        mode = CsvImportMode.Upsert;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "upsert": return true;
            case "skip-existing": mode = CsvImportMode.SkipExisting; return true;
            case "suppress": mode = CsvImportMode.Suppress; return true;
            default: return false;
        }
    }

    public static string ToApiName(this CsvImportMode mode) => mode switch
    {
        CsvImportMode.SkipExisting => "skip-existing",
        _ => mode.ToString().ToLowerInvariant(),
    };
}
