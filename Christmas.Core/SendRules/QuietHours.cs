using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace Christmas.Core.SendRules;

/// <summary>A daily send window's closed part, e.g. <c>21:00-08:00</c> local time (it may wrap midnight): [start, end).</summary>
public sealed record QuietHours(LocalTime Start, LocalTime End)
{
    /// <summary>
    /// The window's end as an instant. A local end time that a spring-forward skips goes at the end
    /// of the gap (the first moment the clock shows a later time); one that a fall-back shows twice
    /// goes at its first occurrence, when the window has really ended.
    /// </summary>
    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <returns>Null with the window, else what is wrong with the text.</returns>
    public static string? TryParse(string text, out QuietHours? window)
    {
        window = null;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return $"Campaign:QuietHours must look like 21:00-08:00 (HH:mm-HH:mm), not '{text}'.";
        if (start == end) return "Campaign:QuietHours must not start and end at the same time.";
        window = new QuietHours(new LocalTime(start.Hour, start.Minute), new LocalTime(end.Hour, end.Minute));
        return null;
    }

    /// <returns>When the window that holds <paramref name="utc"/> ends, or null when <paramref name="utc"/> is outside it.</returns>
    public DateTime? EndIfInside(DateTime utc, DateTimeZone zone)
    {
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;
        var time = local.TimeOfDay;
        LocalDate? endDate = Start < End
            ? (time >= Start && time < End ? local.Date : null)
            : time >= Start ? local.Date.PlusDays(1) : time < End ? local.Date : null;
        return endDate is { } date ? zone.ResolveLocal(date.At(End), EndResolver).ToDateTimeUtc() : null;
    }
}
