namespace Christmas.Core.Contacts.Import;

/// <summary>Which column fills which field: detected from the headers, then the caller's overrides (<c>map</c>) on top.</summary>
public sealed class CsvColumnMap
{
    /// <summary>The override that leaves a column out.</summary>
    public const string Ignore = "ignore";

    private CsvColumnMap(IReadOnlyList<string> headers, IReadOnlyList<CsvField?> fields) => (Headers, Fields) = (headers, fields);

    public IReadOnlyList<string> Headers { get; }
    /// <summary>Per column, the field it fills; null when it is left out.</summary>
    public IReadOnlyList<CsvField?> Fields { get; }

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++) if (Fields[i]?.Name == field) return i;
        return -1;
    }

    /// <param name="overrides">Header → field name (or an alias, or <see cref="Ignore"/>), as parsed by <see cref="ParseOverrides"/>.</param>
    /// <returns>Null with the map, else what is wrong (a missing email column, an override naming no header or no field).</returns>
    public static string? Build(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? overrides, out CsvColumnMap map)
    {
        var fields = headers.Select(h => CsvField.Find(h)).ToArray();
        foreach (var (header, target) in overrides ?? new Dictionary<string, string>())
        {
            var index = headers.ToList().FindIndex(h => string.Equals(h.Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase));
            map = new CsvColumnMap(headers, fields);
            if (index < 0) return $"map names the column '{header}', which the file's header does not have.";
            if (string.Equals(target.Trim(), Ignore, StringComparison.OrdinalIgnoreCase) || target.Trim().Length == 0)
            {
                fields[index] = null;
                continue;
            }
            if (CsvField.Find(target) is not { } field)
                return $"map sends '{header}' to '{target}', which is not a contact field ({string.Join(", ", CsvField.All.Select(f => f.Name))} or {Ignore}).";
            // The override wins: another column detected as the same field is left out.
            for (var i = 0; i < fields.Length; i++) if (fields[i] == field) fields[i] = null;
            fields[index] = field;
        }
        // Two columns detected as one field ("name" and "first_name"): the first keeps it.
        for (var i = 0; i < fields.Length; i++)
            if (fields[i] is { } f && Array.IndexOf(fields, f) < i) fields[i] = null;
        map = new CsvColumnMap(headers, fields);
        return map.IndexOf(CsvField.Email) < 0
            ? $"No column holds the email: name one 'email' (or 'e-mail', 'email_address') or map it (map=Your Header:email). Columns: {string.Join(", ", headers)}."
            : null;
    }

    /// <summary><c>Email Address:email,Company:business</c> → pairs; null with what is wrong.</summary>
    public static string? ParseOverrides(string? text, out Dictionary<string, string> overrides)
    {
        overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.LastIndexOf(':');
            if (colon <= 0) return $"map must be 'Header:field' pairs separated by commas; '{pair}' is not one.";
            overrides[pair[..colon].Trim()] = pair[(colon + 1)..].Trim();
        }
        return null;
    }
}
