using System.Globalization;
using NodaTime;

namespace Christmas.Core.SendRules;

/// <summary>The offer's end as templates show it, in <c>Campaign:DefaultTimeZone</c>: the campaign's own calendar.</summary>
public static class OfferTerms
{
    // The invariant culture's month names and AM/PM are English, and it exists in every process:
    // the app runs with invariant globalization, where asking for "en-US" throws.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary><c>offer_ends_at</c>, e.g. "December 20, 2026 at 11:59 PM".</summary>
    public static string EndsAtText(DateTime endUtc, DateTimeZone zone) =>
        Local(endUtc, zone).ToString("MMMM d, yyyy 'at' h:mm tt", English);

    /// <summary>The default <c>deadline</c> when only the offer's end is set, e.g. "December 20, 2026".</summary>
    public static string DeadlineText(DateTime endUtc, DateTimeZone zone) => Local(endUtc, zone).ToString("MMMM d, yyyy", English);

    /// <summary><c>days_left</c>: calendar days from today to the end's date (0 on the last day and after).</summary>
    public static int DaysLeft(DateTime endUtc, DateTime nowUtc, DateTimeZone zone)
    {
        var days = Period.Between(LocalDate(nowUtc, zone), LocalDate(endUtc, zone), PeriodUnits.Days).Days;
        return endUtc <= nowUtc ? 0 : Math.Max(0, days);
    }

    private static LocalDate LocalDate(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).Date;

    private static DateTime Local(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).ToDateTimeUnspecified();
}
