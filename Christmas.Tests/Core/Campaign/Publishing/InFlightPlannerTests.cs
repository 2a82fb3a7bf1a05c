using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Sequences;
using static Christmas.Tests.Core.Campaign.Publishing.PublishPlanning;

namespace Christmas.Tests.Core.Campaign.Publishing;

/// <summary>DESIGN "Publishing": each case of what an in-flight publish does to one active sequence, decided and then applied, without a host.</summary>
public sealed class InFlightPlannerTests
{
    /// <summary>30 hours in: #2 went out at 24 h; #3, #4 and #5 wait for 72, 96 and 120 h.</summary>
    private static readonly DateTime Now = Anchor.AddHours(30);

    private static Step StepOf(Sequence sequence, int number) => sequence.Steps.Single(s => s.Number == number);

    private static Sequence Applied(CampaignDocument draft, Sequence? sequence = null, PlanningRules? rules = null)
    {
        var target = sequence ?? Assessment(Now);
        InFlightPlanApplier.Apply(Plan(draft, target, Now, rules: rules), target, 2, Now);
        return target;
    }

    [Fact]
    public void AMovedOffset_MovesThePendingStep_ToTheAnchorPlusTheNewOffset()
    {
        var plan = Plan(MoveStep("assessment", 3, TimeSpan.FromHours(48)), Assessment(Now), Now);

        var moved = Assert.Single(plan.Steps);
        Assert.Equal((3, StepChangeKind.Moved, Anchor.AddHours(72), Anchor.AddHours(48)), (moved.Number, moved.Kind, moved.From, moved.To));
        var sequence = Applied(MoveStep("assessment", 3, TimeSpan.FromHours(48)));
        Assert.Equal((Anchor.AddHours(48), Anchor.AddHours(48), StepStatus.Scheduled), (StepOf(sequence, 3).DueAt, StepOf(sequence, 3).SendAt, StepOf(sequence, 3).Status));
        Assert.Equal(2, sequence.Revision);
    }

    [Fact]
    public void AMovedStep_IsPlacedAgainByTheSendRules()
    {
        // 46 h after 09:00 is 07:00 two days later, inside the quiet window 21:00-08:00 UTC.
        var rules = Rules(o => o.QuietHours = "21:00-08:00");

        var sequence = Applied(MoveStep("assessment", 3, TimeSpan.FromHours(46)), rules: rules);

        var step = StepOf(sequence, 3);
        Assert.Equal(Anchor.AddHours(46), step.DueAt);
        Assert.Equal(Anchor.AddHours(47), step.SendAt);
        Assert.StartsWith("quiet hours", step.SendAtReason);
    }

    [Fact]
    public void ARemovedStep_IsCancelled_WithTheRevisionInItsReason()
    {
        var sequence = Applied(Edit("assessment", steps => steps.Where(s => s.Number != 4)));

        Assert.Equal((StepStatus.Cancelled, "removed in revision 2"), (StepOf(sequence, 4).Status, StepOf(sequence, 4).LastError));
        Assert.Equal(StepStatus.Scheduled, StepOf(sequence, 5).Status);
        Assert.Equal(SequenceStatus.Active, sequence.Status);
    }

    [Fact]
    public void AnAddedStep_StillAhead_IsCreated()
    {
        var draft = Edit("assessment", steps => steps.Append(new StepSpec(6, "assessment-5", TimeSpan.FromHours(144), TimeSpan.FromMinutes(5))));

        var sequence = Applied(draft);

        var added = StepOf(sequence, 6);
        Assert.Equal((StepStatus.Scheduled, "assessment-5", Anchor.AddHours(144)), (added.Status, added.TemplateKey, added.SendAt));
    }

    [Fact]
    public void AnAddedStep_AlreadyDue_IsNeverBackFilled()
    {
        var draft = Edit("assessment", steps => steps.Append(new StepSpec(6, "assessment-5", TimeSpan.FromHours(12), TimeSpan.FromMinutes(5))));

        var plan = Plan(draft, Assessment(Now), Now);

        Assert.True(plan.Affected);
        Assert.Empty(plan.Steps);
        Assert.DoesNotContain(Applied(draft).Steps, s => s.Number == 6);
    }

    [Fact]
    public void AStepMovedIntoThePast_WithinTheGrace_GoesAtOnce()
    {
        // Due at 24 h, 6 h ago: less than the 12 h grace.
        var plan = Plan(MoveStep("assessment", 3, TimeSpan.FromHours(24)), Assessment(Now), Now);

        Assert.Equal((StepChangeKind.SendNow, Now), (Assert.Single(plan.Steps).Kind, plan.Steps[0].To));
        var step = StepOf(Applied(MoveStep("assessment", 3, TimeSpan.FromHours(24))), 3);
        Assert.Equal((StepStatus.Scheduled, Anchor.AddHours(24), Now, Now), (step.Status, step.DueAt, step.SendAt, step.NotBefore));
    }

    [Fact]
    public void AStepMovedIntoThePast_PastTheGrace_IsSkippedAsOverdue()
    {
        // Due at 12 h, 18 h ago: past the 12 h grace.
        var plan = Plan(MoveStep("assessment", 3, TimeSpan.FromHours(12)), Assessment(Now), Now);

        Assert.Equal((StepChangeKind.SkippedOverdue, null), (Assert.Single(plan.Steps).Kind, plan.Steps[0].To));
        var step = StepOf(Applied(MoveStep("assessment", 3, TimeSpan.FromHours(12))), 3);
        Assert.Equal((StepStatus.Skipped, "overdue"), (step.Status, step.LastError));
    }

    [Fact]
    public void AChangedTemplate_AppliesAtSendTime_WithoutMovingTheStep()
    {
        var draft = Edit("assessment", steps => steps.Select(s => s.Number == 3 ? s with { Template = "assessment-4" } : s));

        var plan = Plan(draft, Assessment(Now), Now);

        Assert.Equal(StepChangeKind.Template, Assert.Single(plan.Steps).Kind);
        var step = StepOf(Applied(draft), 3);
        Assert.Equal(("assessment-4", Anchor.AddHours(72)), (step.TemplateKey, step.SendAt));
    }

    [Fact]
    public void ARemovedSequence_EndsItsActiveSequences_WithTheRevisionInTheReason()
    {
        var noshow = Noshow(Now);

        var plan = Plan(WithoutSequence("noshow"), noshow, Now);
        InFlightPlanApplier.Apply(plan, noshow, 2, Now);

        Assert.Equal(3, plan.Steps.Count(s => s.Kind == StepChangeKind.Cancelled));
        Assert.Equal((SequenceStatus.Cancelled, "removed in revision 2"), (noshow.Status, noshow.EndedReason));
        Assert.All(noshow.Steps, s => Assert.Equal((StepStatus.Cancelled, "removed in revision 2"), (s.Status, s.LastError)));
    }

    [Fact]
    public void NewOnly_ChangesNothingInFlight_ButCountsTheSequenceAsInFlight()
    {
        var plan = Plan(MoveStep("assessment", 3, TimeSpan.FromHours(24)), Assessment(Now), Now, policy: "new-only");

        Assert.True(plan.Affected);
        Assert.Empty(plan.Steps);
        Assert.Null(plan.EndReason);
    }

    [Fact]
    public void SentStepsAreNeverTouched_EvenWhenTheirStepIsMovedOrRemoved()
    {
        var draft = Edit("assessment", steps => steps.Where(s => s.Number != 2).Select(s => s.Number == 1 ? s with { Offset = TimeSpan.FromHours(1) } : s));

        Assert.Empty(Plan(draft, Assessment(Now), Now).Steps);
    }

    [Fact]
    public void FailedCancelledAndSkippedSteps_AreNeverTouched()
    {
        var sequence = Assessment(Now);
        StepOf(sequence, 3).Cancel("cancelled by an operator");
        StepOf(sequence, 4).BeginSending(Anchor.AddHours(96));
        StepOf(sequence, 4).MarkAttemptFailed("provider said no", retryAt: null);
        var draft = Edit("assessment", steps => steps.Where(s => s.Number != 3).Select(s => s.Number == 4 ? s with { Offset = TimeSpan.FromHours(40) } : s));

        Assert.Empty(Plan(draft, sequence, Now).Steps);
    }

    [Fact]
    public void ASequenceWhoseDefinitionDidNotChange_IsNotInFlight()
    {
        var plan = Plan(MoveStep("noshow", 3, TimeSpan.FromHours(50)), Assessment(Now), Now);

        Assert.False(plan.Affected);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void ATestingModeSequence_FollowsItsOwnModesOffset()
    {
        var sequence = Assessment(Anchor.AddSeconds(30), SequenceMode.Testing);

        Assert.Empty(InFlightPlanner.Plan(RevisionOne, MoveStep("assessment", 3, TimeSpan.FromHours(48)), "in-flight", 2,
            new ActiveSequence(sequence, null, []), Rules(), Anchor.AddSeconds(30)).Steps);
        var testingMove = Edit("assessment", steps => steps.Select(s => s.Number == 3 ? s with { TestingOffset = TimeSpan.FromMinutes(10) } : s));
        var moved = Assert.Single(InFlightPlanner.Plan(RevisionOne, testingMove, "in-flight", 2,
            new ActiveSequence(sequence, null, []), Rules(), Anchor.AddSeconds(30)).Steps);
        Assert.Equal(Anchor.AddMinutes(10), moved.To);
    }

    [Fact]
    public void RemovingEveryPendingStep_CompletesTheSequence()
    {
        var sequence = Applied(Edit("assessment", steps => steps.Where(s => s.Number <= 2)));

        Assert.Equal(SequenceStatus.Completed, sequence.Status);
        Assert.Equal(2, sequence.Revision);
    }
}
