using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Editing;

namespace Christmas.Tests.Core.Campaign.Editing;

/// <summary>The Sequences page's edits on the in-memory document, without a host.</summary>
public sealed class DraftWorkspaceTests
{
    private static DraftWorkspace Workspace() => new(new CampaignDocument(
        [
            new SequenceSpec("assessment", "Assessment follow-up", null, [], [],
            [
                new StepSpec(1, "assessment-1", TimeSpan.Zero, TimeSpan.Zero, SentByWebsite: true),
                new StepSpec(2, "assessment-2", TimeSpan.FromHours(24), TimeSpan.FromMinutes(1)),
                new StepSpec(3, "assessment-3", TimeSpan.FromDays(3), TimeSpan.FromMinutes(2)),
            ]),
            new SequenceSpec("noshow", "No-show recovery", null, [], [], [new StepSpec(1, "noshow-1", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1))]),
        ],
        []), new DraftOrigin(1));

    private static IEnumerable<object> Steps(DraftWorkspace w) =>
        w.Document.Sequence("assessment")!.Steps.Select(s => (object)$"{s.Number}:{s.Template}:{CampaignDuration.Format(s.Offset)}:{CampaignDuration.Format(s.TestingOffset)}");

    [Fact]
    public void AddStep_AppendsTheNextNumber_ADayAndAMinuteAfterTheLast()
    {
        var w = Workspace();

        var step = w.AddStep("assessment", "assessment-4");

        Assert.Equal(4, step.Number);
        Assert.Equal(["1:assessment-1:0m:0m", "2:assessment-2:24h:1m", "3:assessment-3:3d:2m", "4:assessment-4:4d:3m"], Steps(w));
        Assert.True(w.Dirty);
    }

    [Fact]
    public void AddStep_NeverGoesPastTheLongestOffsets()
    {
        var w = Workspace();
        w.SetOffset("assessment", 3, "365d");
        w.SetTestingOffset("assessment", 3, "24h");

        var step = w.AddStep("assessment", "assessment-4");

        Assert.Equal((TimeSpan.FromDays(365), TimeSpan.FromDays(1)), (step.Offset, step.TestingOffset));
    }

    [Fact]
    public void RemoveStep_KeepsTheOtherStepsNumbers_SoInFlightStepsStillMatch()
    {
        var w = Workspace();

        w.RemoveStep("assessment", 2);

        Assert.Equal(["1:assessment-1:0m:0m", "3:assessment-3:3d:2m"], Steps(w));
        Assert.Equal(4, w.AddStep("assessment", "assessment-4").Number);
    }

    [Fact]
    public void MoveStep_SwapsTheEmailWithItsNeighbour_NumbersAndTimesStayInOrder()
    {
        var w = Workspace();

        Assert.True(w.MoveStep("assessment", 3, -1));

        Assert.Equal(["1:assessment-1:0m:0m", "2:assessment-3:24h:1m", "3:assessment-2:3d:2m"], Steps(w));
        Assert.True(w.MoveStep("assessment", 1, +1));
        Assert.True(w.Document.Sequence("assessment")!.Steps[1].SentByWebsite);
        Assert.False(w.Document.Sequence("assessment")!.Steps[0].SentByWebsite);
    }

    [Fact]
    public void MoveStep_AtEitherEnd_ChangesNothing()
    {
        var w = Workspace();

        Assert.False(w.MoveStep("assessment", 1, -1));
        Assert.False(w.MoveStep("assessment", 3, +1));

        Assert.False(w.Dirty);
    }

    [Theory]
    [InlineData("48h", "2d")]
    [InlineData("90m", "90m")]
    [InlineData("P3D", "3d")]
    public void SetOffset_ReadsDurations(string text, string written)
    {
        var w = Workspace();

        Assert.True(w.SetOffset("assessment", 2, text));

        Assert.Equal(written, CampaignDuration.Format(w.Document.Sequence("assessment")!.Steps[1].Offset));
        Assert.Empty(w.InputErrors);
    }

    [Fact]
    public void SetOffset_BadText_IsNotApplied_AndNamesItsPath()
    {
        var w = Workspace();

        Assert.False(w.SetTestingOffset("assessment", 3, "3 days"));

        Assert.Equal(TimeSpan.FromMinutes(2), w.Document.Sequence("assessment")!.Steps[2].TestingOffset);
        var error = Assert.Single(w.InputErrors);
        Assert.Equal("sequences[0].steps[2].testingOffset", error.Key);
        Assert.Contains("'3 days' is not a duration", error.Value);
        // Typing a good value clears it.
        Assert.True(w.SetTestingOffset("assessment", 3, "5m"));
        Assert.Empty(w.InputErrors);
    }

    [Fact]
    public void SetTemplate_LabelAndStage_ChangeOnlyThatSequence()
    {
        var w = Workspace();

        w.SetTemplate("noshow", 1, " noshow-9 ");
        w.SetLabel("noshow", "Missed the call");
        w.SetStage("noshow", "missed a call");
        w.SetStage("assessment", " ");

        var noshow = w.Document.Sequence("noshow")!;
        Assert.Equal(("noshow-9", "Missed the call", "missed a call"), (noshow.Steps[0].Template, noshow.Label, noshow.Stage));
        Assert.Null(w.Document.Sequence("assessment")!.Stage);
        Assert.Equal("assessment-2", w.Document.Sequence("assessment")!.Steps[1].Template);
    }

    [Fact]
    public void Exits_AreAddedAndRemoved()
    {
        var w = Workspace();

        w.AddExit("assessment", "noshow", "superseded by the assessment");
        w.AddExit("assessment", "onboarding", "paid");
        w.RemoveExit("assessment", 0);

        Assert.Equal([new SequenceEndSpec("onboarding", "paid")], w.Document.Sequence("assessment")!.Ends);
        Assert.Throws<ArgumentOutOfRangeException>(() => w.RemoveExit("assessment", 3));
    }

    [Fact]
    public void PathOf_NamesPathsAsTheValidatorDoes()
    {
        var w = Workspace();

        Assert.Equal("sequences[1]", w.PathOf("noshow"));
        Assert.Equal("sequences[0].steps[2].offset", w.PathOf("assessment", 3, "offset"));
        Assert.Throws<ArgumentException>(() => w.PathOf("webinar"));
    }

    [Fact]
    public void Reset_TakesTheStoredDocument_AndForgetsEdits()
    {
        var w = Workspace();
        w.SetOffset("assessment", 2, "nope");
        var stored = new DraftOrigin(1, DateTime.UtcNow, "lee@test.local");

        w.Reset(w.Document, stored);

        Assert.False(w.Dirty);
        Assert.Empty(w.InputErrors);
        Assert.Equal(stored, w.Origin);
    }
}
