using Christmas.Core.Campaign.Definition;

namespace Christmas.Tests.Core.Campaign;

/// <summary>Offsets as people write them, and the short form the definition is written in.</summary>
public sealed class CampaignDurationTests
{
    [Theory]
    [InlineData("90m", 90)]
    [InlineData("24h", 24 * 60)]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("0h", 0)]
    [InlineData("0m", 0)]
    [InlineData(" 5m ", 5)]
    [InlineData("P3D", 3 * 24 * 60)]
    [InlineData("PT90M", 90)]
    [InlineData("P1DT2H", 26 * 60)]
    public void TryParse_ReadsShortAndIsoForms(string text, int minutes)
    {
        Assert.True(CampaignDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("3 days")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("-P1D")]
    [InlineData("PT")]
    [InlineData("3w")]
    public void TryParse_RefusesWhatIsNotADuration(string text) => Assert.False(CampaignDuration.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0m")]
    [InlineData(5, "5m")]
    [InlineData(90, "90m")]
    [InlineData(60, "1h")]
    [InlineData(24 * 60, "24h")]
    [InlineData(26 * 60, "26h")]
    [InlineData(48 * 60, "2d")]
    [InlineData(72 * 60, "3d")]
    [InlineData(168 * 60, "7d")]
    public void Format_UsesTheLargestWholeUnit_DaysFromTwo(int minutes, string expected) =>
        Assert.Equal(expected, CampaignDuration.Format(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Format_SecondsFallBackToIso_AndReadBack()
    {
        var text = CampaignDuration.Format(TimeSpan.FromSeconds(90));
        Assert.Equal("PT1M30S", text);
        Assert.True(CampaignDuration.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromSeconds(90), back);
    }

    [Fact]
    public void Format_ZeroIsSpelledAsAsked() => Assert.Equal("0h", CampaignDuration.Format(TimeSpan.Zero, zero: "0h"));
}
