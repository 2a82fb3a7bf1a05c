using System.Globalization;

namespace Christmas.Admin.Components.Pages.Dashboard;

/// <summary>One spelling of times on the monitoring pages: UTC, to the minute or second, day first so columns line up.</summary>
public static class UtcTime
{
    public static string Minutes(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Clock(DateTime at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Seconds(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
