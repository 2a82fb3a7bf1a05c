using Christmas.Tests.Fixtures;
using Christmas.Core.Sequences;

namespace Christmas.Tests.Core.Sequences;

public class StepPlannerTests
{
    private static readonly DateTime Anchor = new(2026, 12, 1, 10, 30, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(12);

    public static TheoryData<string, SequenceMode, double[]> Offsets => new()
    {
        { "assessment", SequenceMode.Production, [24 * 60, 72 * 60, 96 * 60, 120 * 60] },
        { "assessment", SequenceMode.Testing, [1, 2, 3, 4] },
        { "noshow", SequenceMode.Production, [5, 24 * 60, 48 * 60] },
        { "noshow", SequenceMode.Testing, [1, 2, 3] },
        { "postcall", SequenceMode.Production, [60, 3 * 24 * 60, 7 * 24 * 60] },
        { "postcall", SequenceMode.Testing, [1, 2, 3] },
        { "onboarding", SequenceMode.Production, [60, 24 * 60, 3 * 24 * 60] },
        { "onboarding", SequenceMode.Testing, [1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Plan_SchedulesEachEmailAtItsOffsetFromTheAnchor(string kind, SequenceMode mode, double[] minutes)
    {
        var steps = StepPlanner.Plan(RevisionOne.Sequence(kind), mode, Anchor, Anchor, Grace, "sent");

        var scheduled = steps.Where(s => s.Status == StepStatus.Scheduled).ToList();
        Assert.Equal(minutes.Select(m => Anchor.AddMinutes(m)), scheduled.Select(s => s.DueAt));
        Assert.All(scheduled, s => Assert.Equal(s.DueAt, s.NotBefore));
    }

    [Fact]
    public void Plan_RecordsAssessmentEmailOneAsSentByTheWebsiteAtTheAnchor()
    {
        var steps = StepPlanner.Plan(RevisionOne.Sequence("assessment"), SequenceMode.Production, Anchor, Anchor, Grace, "sent");

        var first = steps.Single(s => s.Number == 1);
        Assert.Equal(StepStatus.Sent, first.Status);
        Assert.Equal(SentBy.Website, first.SentBy);
        Assert.Equal(Anchor, first.SentAt);
        Assert.Equal([2, 3, 4, 5], steps.Where(s => s.Status == StepStatus.Scheduled).Select(s => s.Number));
    }

    [Fact]
    public void Plan_SkipsEmailOneWithTheReportedStatus_WhenTheWebsiteDidNotSendIt()
    {
        var steps = StepPlanner.Plan(RevisionOne.Sequence("assessment"), SequenceMode.Production, Anchor, Anchor, Grace, "bounced");

        var first = steps.Single(s => s.Number == 1);
        Assert.Equal(StepStatus.Skipped, first.Status);
        Assert.Null(first.SentBy);
        Assert.Contains("bounced", first.LastError);
    }

    [Fact]
    public void Plan_SendsAtOnce_AStepOverdueByLessThanTheGrace()
    {
        // #2 was due at +24 h; created 24 h + 11 h 59 min after the anchor it is still wanted.
        var now = Anchor.AddHours(24 + 11).AddMinutes(59);
        var steps = StepPlanner.Plan(RevisionOne.Sequence("assessment"), SequenceMode.Production, Anchor, now, Grace, "sent");

        var second = steps.Single(s => s.Number == 2);
        Assert.Equal(StepStatus.Scheduled, second.Status);
        Assert.True(second.NotBefore <= now);
    }

    [Fact]
    public void Plan_SkipsAsOverdue_AStepOverdueByTheGraceOrMore()
    {
        var now = Anchor.AddHours(24 + 12);
        var steps = StepPlanner.Plan(RevisionOne.Sequence("assessment"), SequenceMode.Production, Anchor, now, Grace, "sent");

        var second = steps.Single(s => s.Number == 2);
        Assert.Equal(StepStatus.Skipped, second.Status);
        Assert.Equal("overdue", second.LastError);
        Assert.Equal(StepStatus.Scheduled, steps.Single(s => s.Number == 3).Status);
    }

    [Fact]
    public void Reschedule_KeepsTheNewModesSpacing_AndNeverPlacesTheFirstPendingStepInThePast()
    {
        var now = Anchor.AddHours(30);
        var dues = StepPlanner.Reschedule(Anchor, [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3)], now);

        Assert.Equal([now, now.AddMinutes(1)], dues);
    }

    [Fact]
    public void Reschedule_UsesAnchorPlusOffset_WhenThatIsStillAhead()
    {
        var now = Anchor.AddHours(1);
        var dues = StepPlanner.Reschedule(Anchor, [TimeSpan.FromHours(72), TimeSpan.FromHours(96)], now);

        Assert.Equal([Anchor.AddHours(72), Anchor.AddHours(96)], dues);
    }
}
