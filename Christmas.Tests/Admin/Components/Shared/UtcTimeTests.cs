using Christmas.Admin.Components.Shared;

namespace Christmas.Tests.Admin.Components.Shared;

/// <summary>Times on console pages read as people write them, never as raw ISO strings.</summary>
public sealed class UtcTimeTests
{
    private static readonly DateTime At = new(2026, 12, 7, 14, 5, 9, DateTimeKind.Utc);

    [Fact]
    public void Times_ReadDayMonthYear_WithTheZone()
    {
        Assert.Equal("7 Dec 2026, 14:05 UTC", UtcTime.Format(At));
        Assert.Equal("7 Dec 2026, 14:05", UtcTime.Minutes(At));
        Assert.Equal("7 Dec 2026, 14:05:09", UtcTime.Seconds(At));
        Assert.Equal("7 Dec 2026, 14:05:09 UTC", UtcTime.Exact(At));
        Assert.Equal("7 Dec 2026", UtcTime.Date(At));
        Assert.Equal("Mon 7 Dec, 14:05", UtcTime.WallClock(At, 2026));
        Assert.Equal("7 Dec 2026, 14:05", UtcTime.WallClock(At, 2025));
        Assert.Equal("—", UtcTime.Format(null));
        Assert.DoesNotContain("2026-12-07", UtcTime.Format(At));
    }

    [Theory]
    [InlineData(0, "now")]
    [InlineData(12, "in 12 min")]
    [InlineData(-5, "5 min ago")]
    [InlineData(3 * 60 + 20, "in 3 h")]
    [InlineData(-26 * 60, "26 h ago")]
    [InlineData(3 * 24 * 60 + 1, "in 3 days")]
    public void Relative_SaysHowFarFromNow_InTheLargestWholeUnit(int minutes, string expected) =>
        Assert.Equal(expected, UtcTime.Relative(At.AddMinutes(minutes), At));
}
