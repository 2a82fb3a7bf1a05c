using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Publishing;
using static Christmas.Tests.Core.Campaign.Publishing.PublishPlanning;

namespace Christmas.Tests.Core.Campaign.Publishing;

/// <summary>The impact's <c>changes</c>: each kind of difference between the published document and the draft.</summary>
public sealed class DefinitionChangesTests
{
    [Fact]
    public void Between_NamesEachStepChange()
    {
        var draft = Edit("assessment", steps => steps.Where(s => s.Number != 4)
            .Select(s => s.Number switch
            {
                2 => s with { TestingOffset = TimeSpan.FromMinutes(2) },
                3 => s with { Template = "assessment-4" },
                _ => s,
            })
            .Append(new StepSpec(6, "assessment-5", TimeSpan.FromDays(6), TimeSpan.FromMinutes(5))));

        Assert.Equal(
            [
                new DefinitionChange("assessment", 2, "moved"),
                new DefinitionChange("assessment", 3, "template"),
                new DefinitionChange("assessment", 4, "removed"),
                new DefinitionChange("assessment", 6, "added"),
            ],
            DefinitionChanges.Between(RevisionOne, draft));
    }

    [Fact]
    public void Between_NamesSequencesAndHandlers()
    {
        var webinar = RevisionOne.Sequence("noshow")! with { Name = "webinar" };
        var draft = WithoutSequence("noshow") with
        {
            Sequences = [.. WithoutSequence("noshow").Sequences, webinar],
            Handlers = [.. WithoutSequence("noshow").Handlers.Where(h => h.Name != "signup-handler"),
                new HandlerSpec("webinar-handler", null, "webinar", null, [new FieldSpec("email", "email")])],
        };

        var changes = DefinitionChanges.Between(RevisionOne, draft);

        Assert.Contains(new DefinitionChange("noshow", null, "sequence-removed"), changes);
        Assert.Contains(new DefinitionChange("webinar", null, "sequence-added"), changes);
        Assert.Contains(new DefinitionChange(null, null, "handler-removed", "signup-handler"), changes);
        Assert.Contains(new DefinitionChange(null, null, "handler-added", "webinar-handler"), changes);
        Assert.Contains(new DefinitionChange(null, null, "handler-changed", "noshow-recovery-handler"), changes);
    }

    [Fact]
    public void Between_TheSameDocument_IsNoChange() =>
        Assert.Empty(DefinitionChanges.Between(RevisionOne, DefinitionReader.Read(DefinitionWriter.ToJson(RevisionOne), DefinitionFormat.Json).Document!));
}
