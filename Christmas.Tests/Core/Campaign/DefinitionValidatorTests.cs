using Christmas.Tests.Fixtures;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Sequences;
using Christmas.Core.Templates;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Campaign;

/// <summary>Each of DESIGN's rules is one error at the path an editor can point at.</summary>
public sealed class DefinitionValidatorTests
{
    private static readonly CampaignDocument RevisionOne = RevisionOneDocument.Build();
    private static readonly HashSet<string> Templates = new DefaultTemplates().All.Keys.ToHashSet();

    private static IReadOnlyList<DefinitionError> Validate(CampaignDocument document) => DefinitionValidator.Validate(document, Templates.Contains);

    private static CampaignDocument WithSequence(int index, Func<SequenceSpec, SequenceSpec> change) =>
        RevisionOne with { Sequences = RevisionOne.Sequences.Select((s, i) => i == index ? change(s) : s).ToList() };

    private static CampaignDocument WithHandler(int index, Func<HandlerSpec, HandlerSpec> change) =>
        RevisionOne with { Handlers = RevisionOne.Handlers.Select((h, i) => i == index ? change(h) : h).ToList() };

    private static SequenceSpec WithStep(SequenceSpec s, int index, Func<StepSpec, StepSpec> change) =>
        s with { Steps = s.Steps.Select((step, i) => i == index ? change(step) : step).ToList() };

    private static void AssertOnly(CampaignDocument document, string path, string messagePart)
    {
        var error = Assert.Single(Validate(document));
        Assert.Equal(path, error.Path);
        Assert.Contains(messagePart, error.Message);
    }

    [Theory]
    [InlineData("Assessment")]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("a-name-that-is-far-too-long-for-a-sequence-x")]
    public void AName_OutsideThePattern_IsAnError(string name) =>
        Assert.Contains(Validate(WithSequence(0, s => s with { Name = name })), e => e.Path == "sequences[0].name");

    [Fact]
    public void TwoSequencesWithOneName_TheSecondIsNamed() =>
        Assert.Contains(Validate(WithSequence(1, s => s with { Name = "assessment" })), e => e.Path == "sequences[1].name" && e.Message.Contains("already named"));

    [Fact]
    public void TwoHandlersWithOneName_TheSecondIsNamed() =>
        AssertOnly(WithHandler(2, h => h with { Name = "signup-handler" }), "handlers[2].name", "already named");

    [Fact]
    public void AnUnknownTemplate_NamesTheStep() =>
        AssertOnly(WithSequence(0, s => WithStep(s, 2, step => step with { Template = "assessment-9" })), "sequences[0].steps[2].template", "assessment-9");

    [Fact]
    public void AStepNumberUsedTwice_NamesTheSecond() =>
        AssertOnly(WithSequence(1, s => WithStep(s, 2, step => step with { Number = 1 })), "sequences[1].steps[2].number", "used twice");

    [Fact]
    public void AnOffsetOverAYear_NamesTheOffset() =>
        AssertOnly(WithSequence(0, s => WithStep(s, 2, step => step with { Offset = TimeSpan.FromDays(366) })), "sequences[0].steps[2].offset", "365 days");

    [Fact]
    public void ATestingOffsetOverADay_NamesIt() =>
        AssertOnly(WithSequence(0, s => WithStep(s, 1, step => step with { TestingOffset = TimeSpan.FromHours(25) })), "sequences[0].steps[1].testingOffset", "1 day");

    [Fact]
    public void ExactlyAYearAndADay_AreAllowed() =>
        Assert.Empty(Validate(WithSequence(0, s => WithStep(s, 1, step => step with { Offset = TimeSpan.FromDays(365), TestingOffset = TimeSpan.FromDays(1) }))));

    [Fact]
    public void ASequenceEndingItself_IsAnError() =>
        AssertOnly(WithSequence(2, s => s with { Ends = [new SequenceEndSpec("postcall", "loop")] }), "sequences[2].ends[0].sequence", "does not end itself");

    [Fact]
    public void EndingAnUnknownSequence_IsAnError() =>
        AssertOnly(WithSequence(3, s => s with { Ends = [s.Ends[0], new SequenceEndSpec("webinar", "converted")] }), "sequences[3].ends[1].sequence", "webinar");

    [Fact]
    public void StartingAnUnknownSequence_IsAnError() =>
        AssertOnly(WithHandler(1, h => h with { Starts = "assesment" }), "handlers[1].starts", "assesment");

    [Fact]
    public void ADedupeFieldMissingFromAHandlerThatStartsTheSequence_NamesTheHandler() =>
        AssertOnly(WithSequence(1, s => s with { DedupeFields = ["calendly_event_id", "meeting_id"] }), "sequences[1].dedupeFields[1]", "noshow-recovery-handler");

    [Fact]
    public void AnAnchorThatIsNotATimestampField_IsAnError() =>
        AssertOnly(WithHandler(2, h => h with { Anchor = "first_name" }), "handlers[2].anchor", "first_name");

    [Fact]
    public void AnUnknownFieldKind_NamesTheField() =>
        AssertOnly(WithHandler(0, h => h with { Fields = [.. h.Fields.Take(2), h.Fields[2] with { Kind = "date" }] }), "handlers[0].fields[2].kind", "timestamp");

    [Fact]
    public void AHandlerWithoutAnEmailField_IsAnError() =>
        AssertOnly(WithHandler(0, h => h with { Fields = h.Fields.Skip(1).ToList() }), "handlers[0].fields", "'email'");

    [Fact]
    public void ASequenceWithoutSteps_IsAnError() =>
        AssertOnly(WithSequence(3, s => s with { Steps = [] }), "sequences[3].steps", "at least one step");

    [Fact]
    public void EveryKindIsAccepted_WithMinAndMaxOnAnInteger()
    {
        var fields = FieldKinds.All.Select((k, i) => new FieldSpec(k == "email" ? "email" : $"f{i}", k)).ToList();
        fields.Add(new FieldSpec("seats", FieldKinds.Integer, Required: false, Min: 1, Max: 50));
        Assert.Empty(Validate(WithHandler(0, h => h with { Fields = fields })));
        AssertOnly(WithHandler(0, h => h with { Fields = [.. fields, new FieldSpec("bad", FieldKinds.Integer, Min: 5, Max: 1)] }), "handlers[0].fields[7].max", "below min");
    }
}
