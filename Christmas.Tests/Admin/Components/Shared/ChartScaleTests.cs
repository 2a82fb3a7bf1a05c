using Christmas.Admin.Components.Shared;

namespace Christmas.Tests.Admin.Components.Shared;

/// <summary>The count charts' y-axis follows the data: a few emails read 0-3, thousands get round steps.</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(5, 1, 5)]
    [InlineData(7, 2, 8)]
    [InlineData(23, 5, 25)]
    [InlineData(100, 20, 100)]
    [InlineData(1234, 500, 1500)]
    public void Step_AndTop_AreNiceNumbersJustAboveTheTallestBar(double tallest, int step, int top)
    {
        Assert.Equal(step, ChartScale.Step(tallest));
        Assert.Equal(top, ChartScale.Top(tallest));
        Assert.True(ChartScale.Top(tallest) / ChartScale.Step(tallest) <= ChartScale.Lines + 1);
    }
}
