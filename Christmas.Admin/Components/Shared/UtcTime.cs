using System.Globalization;

namespace Christmas.Admin.Components.Shared;

/// <summary>
/// One spelling of times on every console page, as people read them: "7 Dec 2026, 14:05 UTC", day first,
/// month as a word, the year left out of short forms when it is this year, and "in 3 h" / "5 min ago"
/// beside times near now (<see cref="TimeText"/>). Never a raw ISO string.
/// </summary>
public static class UtcTime
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"7 Dec 2026, 14:05 UTC", or "—" without a time.</summary>
    public static string Format(DateTime? utc) =>
        utc is { } t ? Minutes(t) + " UTC" : "—";

    /// <summary>For columns whose header already says the zone: "7 Dec, 14:05", the year only when it is not this one.</summary>
    public static string Short(DateTime? utc) => utc switch
    {
        null => "—",
        { } t when t.Year == DateTime.UtcNow.Year => t.ToString("d MMM, HH:mm", Invariant),
        { } t => Minutes(t),
    };

    /// <summary>The exact time, for a title attribute: "7 Dec 2026, 14:05:09 UTC".</summary>
    public static string Exact(DateTime? utc) => utc is { } t ? Seconds(t) + " UTC" : "";

    /// <summary>"7 Dec 2026, 14:05".</summary>
    public static string Minutes(DateTime at) => at.ToString("d MMM yyyy, HH:mm", Invariant);

    /// <summary>"14:05:09".</summary>
    public static string Clock(DateTime at) => at.ToString("HH:mm:ss", Invariant);

    /// <summary>"7 Dec 2026, 14:05:09".</summary>
    public static string Seconds(DateTime at) => at.ToString("d MMM yyyy, HH:mm:ss", Invariant);

    /// <summary>"7 Dec 2026".</summary>
    public static string Date(DateTime at) => at.ToString("d MMM yyyy", Invariant);

    /// <summary>A wall-clock time in a named zone's terms: "Mon 7 Dec, 14:05" this year, else "7 Dec 2027, 14:05".</summary>
    public static string WallClock(DateTime local, int thisYear) =>
        local.Year == thisYear ? local.ToString("ddd d MMM, HH:mm", Invariant) : Minutes(local);

    /// <summary>How far a time is from now, in the largest whole unit: "in 3 h", "12 min ago", "in 2 days", "now".</summary>
    public static string Relative(DateTime utc, DateTime nowUtc)
    {
        var span = utc - nowUtc;
        var length = span.Duration();
        var amount = length switch
        {
            _ when length < TimeSpan.FromMinutes(1) => null,
            _ when length < TimeSpan.FromHours(1) => $"{(int)length.TotalMinutes} min",
            _ when length < TimeSpan.FromDays(2) => $"{(int)length.TotalHours} h",
            _ => $"{(int)length.TotalDays} days",
        };
        return amount is null ? "now" : span > TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }
}
