using System.Globalization;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>Times on the contact pages: UTC, minute precision, the zone spelled out so nobody reads them as local.</summary>
public static class UtcTime
{
    public static string Format(DateTime? utc) =>
        utc is { } t ? t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";

    /// <summary>For columns whose header already says UTC: "Nov 28, 14:05", the year only when it is not this one.</summary>
    public static string Short(DateTime? utc) => utc switch
    {
        null => "—",
        { } t when t.Year == DateTime.UtcNow.Year => t.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture),
        { } t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>The exact time, for a title attribute.</summary>
    public static string Exact(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
