using Christmas.Core.Common;

namespace Christmas.Core.Contacts;

/// <summary>
/// Which contacts a list or an export covers: a search term (email, name or business), a segment
/// (or contacts without one) and a status. Parsed in one place so the API, the export and the
/// console accept the same spellings.
/// </summary>
public sealed record ContactFilter(string? Search = null, Segment? Segment = null, bool WithoutSegment = false, ContactStatus? Status = null)
{
    /// <summary>The segment spelling of contacts that have none (signed up, no assessment yet).</summary>
    public const string NoSegment = "none";

    public static ContactFilter All { get; } = new();

    /// <returns>An error naming the bad field ("segment: ..."), or null with a valid filter.</returns>
    public static string? TryParse(string? search, string? segment, string? status, out ContactFilter filter)
    {
        filter = All;
        var withoutSegment = NoSegment.Equals(segment, StringComparison.OrdinalIgnoreCase);
        Segment? wanted = null;
        if (!string.IsNullOrEmpty(segment) && !withoutSegment)
        {
            if (!TryEnum<Segment>(segment, out var s)) return "segment: segment must be CRITICAL, URGENT, OPTIMIZE or none.";
            wanted = s;
        }
        ContactStatus? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!TryEnum<ContactStatus>(status, out var s)) return "status: status must be active, unsubscribed, bounced or complained.";
            state = s;
        }
        filter = new ContactFilter(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), wanted, withoutSegment, state);
        return null;
    }

    /// <summary>The filter as query-string values (for links such as the CSV export's).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Search is { } s) parts.Add("search=" + Uri.EscapeDataString(s));
        if (WithoutSegment) parts.Add("segment=" + NoSegment);
        else if (Segment is { } g) parts.Add("segment=" + g.ToSegmentName());
        if (Status is { } st) parts.Add("status=" + st.ToApiName());
        return string.Join('&', parts);
    }

    public override string ToString() => ToQueryString() is { Length: > 0 } q ? q : "all contacts";

    // Names only: Enum.TryParse would also take "1" or "Critical,Urgent".
    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}
