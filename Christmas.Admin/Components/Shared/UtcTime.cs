using System.Globalization;

namespace Christmas.Admin.Components.Shared;

/// <summary>One spelling of times on every console page: UTC, day first so columns line up, the zone said where no header says it.</summary>
public static class UtcTime
{
    public static string Format(DateTime? utc) =>
        utc is { } t ? Minutes(t) + " UTC" : "—";

    /// <summary>For columns whose header already says UTC: "Nov 28, 14:05", the year only when it is not this one.</summary>
    public static string Short(DateTime? utc) => utc switch
    {
        null => "—",
        { } t when t.Year == DateTime.UtcNow.Year => t.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture),
        { } t => Minutes(t),
    };

    /// <summary>The exact time, for a title attribute.</summary>
    public static string Exact(DateTime? utc) => utc is { } t ? Seconds(t) + " UTC" : "";

    public static string Minutes(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Clock(DateTime at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Seconds(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
