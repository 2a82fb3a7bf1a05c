namespace Christmas.Core.Common;

/// <summary>How enum values are spelled in the API and logs: lower case ("scheduled", "website").</summary>
public static class ApiNames
{
    public static string ToApiName(this Enum value) => value.ToString().ToLowerInvariant();

    /// <summary>Segments are spelled in capitals (CRITICAL, URGENT, OPTIMIZE), as the old flows did.</summary>
    public static string ToSegmentName(this Contacts.Segment segment) => segment.ToString().ToUpperInvariant();
}
