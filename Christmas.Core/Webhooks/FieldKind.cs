namespace Christmas.Core.Webhooks;

public enum FieldKind
{
    /// <summary>Trimmed, lower-cased, a valid address; the contact's identity.</summary>
    Email,
    /// <summary>A string of 1-200 characters after trimming.</summary>
    Text,
    /// <summary>An integer 0-8 (systems of the assessment).</summary>
    Count,
    /// <summary>A non-negative number (an amount of money), within the field's min and max when given.</summary>
    Amount,
    /// <summary>ISO 8601 with an offset; the time delays count from. Never rejected: falls back with a warning.</summary>
    Anchor,
    /// <summary>An integer within the field's min and max.</summary>
    Integer,
    /// <summary>ISO 8601 with an offset, not the anchor.</summary>
    Timestamp,
}
