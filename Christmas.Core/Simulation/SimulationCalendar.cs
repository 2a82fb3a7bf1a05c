using Christmas.Core.Common;
using Christmas.Core.Sequences;
using NodaTime;

namespace Christmas.Core.Simulation;

/// <summary>Emails per day and per sequence kind, every day of the simulation (in the campaign's zone), empty ones included.</summary>
public static class SimulationCalendar
{
    /// <param name="kinds">The simulated definition's sequence names, each a column even on days it sends nothing.</param>
    public static IReadOnlyList<SimulationDay> Days(IEnumerable<SimulatedSend> sends, DateTime start, DateTime end, DateTimeZone zone,
        IReadOnlyList<string> kinds)
    {
        var counts = sends.GroupBy(s => (Date: LocalDate(s.SendAt, zone), s.Sequence)).ToDictionary(g => g.Key, g => g.Count());
        var days = new List<SimulationDay>();
        for (var date = LocalDate(start, zone); date <= LocalDate(end, zone); date = date.AddDays(1))
        {
            var bySequence = kinds.ToDictionary(k => k, k => counts.GetValueOrDefault((date, k)), StringComparer.Ordinal);
            days.Add(new SimulationDay(date, bySequence, bySequence.Values.Sum()));
        }
        return days;
    }

    private static DateOnly LocalDate(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).Date.ToDateOnly();
}
