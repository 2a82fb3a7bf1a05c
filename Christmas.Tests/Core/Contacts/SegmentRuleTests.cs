using Christmas.Core.Campaign;
using Christmas.Core.Contacts;

namespace Christmas.Tests.Core.Contacts;

public class SegmentRuleTests
{
    private readonly SegmentRule _rule = new(new SegmentThresholds());

    [Theory]
    [InlineData(2, 0, Segment.Critical)]
    [InlineData(8, 0, Segment.Critical)]
    [InlineData(2, 5, Segment.Critical)]
    [InlineData(1, 0, Segment.Urgent)]
    [InlineData(0, 2, Segment.Urgent)]
    [InlineData(1, 3, Segment.Urgent)]
    [InlineData(0, 1, Segment.Optimize)]
    [InlineData(0, 0, Segment.Optimize)]
    public void Classify_FollowsTheOldFlowsRule(int red, int orange, Segment expected) =>
        Assert.Equal(expected, _rule.Classify(red, orange));

    [Fact]
    public void Classify_UsesConfiguredThresholds()
    {
        var strict = new SegmentRule(new SegmentThresholds { CriticalMinRed = 3, UrgentMinRed = 2, UrgentMinOrange = 4 });
        Assert.Equal(Segment.Urgent, strict.Classify(2, 0));
        Assert.Equal(Segment.Optimize, strict.Classify(1, 3));
        Assert.Equal(Segment.Critical, strict.Classify(3, 0));
    }

    [Fact]
    public void Classify_EveryCombinationOfEightSystems_IsExactlyOneSegmentConsistentWithTheRule()
    {
        for (var red = 0; red <= 8; red++)
        for (var orange = 0; red + orange <= 8; orange++)
        {
            var expected = red >= 2 ? Segment.Critical : red == 1 || orange >= 2 ? Segment.Urgent : Segment.Optimize;
            Assert.Equal(expected, _rule.Classify(red, orange));
        }
    }
}
