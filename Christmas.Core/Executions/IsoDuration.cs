using System.Globalization;
using System.Text;

namespace Christmas.Core.Executions;

/// <summary>A duration written as Kestra (Java's <c>Duration.toString()</c>) writes it: "PT1.218S", "PT2M3S", "PT0S".</summary>
public static class IsoDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        var text = new StringBuilder("PT");
        var hours = (long)duration.TotalHours;
        if (hours > 0) text.Append(hours).Append('H');
        if (duration.Minutes > 0) text.Append(duration.Minutes).Append('M');
        var seconds = duration.Seconds + duration.Milliseconds / 1000m;
        if (seconds > 0 || text.Length == 2) text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('S');
        return text.ToString();
    }
}
