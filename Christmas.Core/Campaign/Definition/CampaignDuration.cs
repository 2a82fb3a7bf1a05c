using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Christmas.Core.Campaign.Definition;

/// <summary>Step offsets as people write them: <c>90m</c>, <c>24h</c>, <c>3d</c>, or ISO 8601 (<c>P3D</c>, <c>PT90M</c>).</summary>
public static partial class CampaignDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (Short().Match(trimmed) is { Success: true } m)
        {
            if (!long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000) return false;
            value = m.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return true;
        }
        // Years and months have no fixed length, so only weeks, days and times are taken.
        if (!trimmed.StartsWith('P') || trimmed.Split('T')[0].IndexOfAny(['Y', 'M']) >= 0) return false;
        try
        {
            value = XmlConvert.ToTimeSpan(trimmed);
            return true;
        }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
    }

    /// <summary>
    /// The short form: whole days from two days up (<c>3d</c>), else whole hours (<c>24h</c>), else minutes;
    /// anything finer than a minute as ISO 8601. <paramref name="zero"/> spells zero (<c>0h</c> reads better for a production offset).
    /// </summary>
    public static string Format(TimeSpan value, string zero = "0m")
    {
        if (value == TimeSpan.Zero) return zero;
        if (value < TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerMinute != 0) return XmlConvert.ToString(value);
        if (value >= TimeSpan.FromDays(2) && value.Ticks % TimeSpan.TicksPerDay == 0) return $"{(long)value.TotalDays}d";
        if (value.Ticks % TimeSpan.TicksPerHour == 0) return $"{(long)value.TotalHours}h";
        return $"{(long)value.TotalMinutes}m";
    }

    public const string Hint = "a duration like 90m, 24h, 3d or ISO 8601 (P3D, PT90M)";

    [GeneratedRegex(@"^(\d+)\s*([mhd])$")]
    private static partial Regex Short();
}
