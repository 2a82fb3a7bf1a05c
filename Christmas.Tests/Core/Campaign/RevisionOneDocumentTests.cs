using Christmas.Core.Campaign.Definition;
using Christmas.Core.Templates;

namespace Christmas.Tests.Core.Campaign;

/// <summary>Revision 1 is the campaign DESIGN describes (the guide's five handlers, the four sequences), passes its own rules, and survives JSON and YAML unchanged.</summary>
public sealed class RevisionOneDocumentTests
{
    private static readonly CampaignDocument RevisionOne = RevisionOneDocument.Build();

    [Fact]
    public void Build_HasTheFourSequences_WithTheirDedupeAndExitRules()
    {
        Assert.Equal(["assessment", "noshow", "postcall", "onboarding"], RevisionOne.Sequences.Select(s => s.Name));
        Assert.Equal([5, 3, 3, 3], RevisionOne.Sequences.Select(s => s.Steps.Count));
        Assert.Equal(["calendly_event_id"], RevisionOne.Sequence("noshow")!.DedupeFields);
        Assert.Equal(["call_date"], RevisionOne.Sequence("postcall")!.DedupeFields);
        Assert.Equal([("noshow", "converted"), ("postcall", "converted")], RevisionOne.Sequence("onboarding")!.Ends.Select(e => (e.Sequence, e.Reason)));
        Assert.True(RevisionOne.Sequence("assessment")!.Steps[0].SentByWebsite);
    }

    [Fact]
    public void Build_LabelsAndStages_FollowTheFunnel()
    {
        Assert.Equal(
            [("assessment", "Assessment follow-up", null), ("noshow", "No-show recovery", "booked a call"),
             ("postcall", "Post-call maybe", "had the call"), ("onboarding", "Onboarding", "paid")],
            RevisionOne.Sequences.Select(s => (s.Name, s.Label, s.Stage)));
    }

    [Fact]
    public void Build_HasTheGuidesFiveHandlers_WithTheirAnchors()
    {
        Assert.Equal(["signup-handler", "assessment-handler", "noshow-recovery-handler", "postcall-maybe-handler", "onboarding-handler"],
            RevisionOne.Handlers.Select(h => h.Name));
        Assert.Equal([null, "assessment", "noshow", "postcall", "onboarding"], RevisionOne.Handlers.Select(h => h.Starts));
        Assert.Equal([null, "email_1_sent_at", "scheduled_time", "call_date", "payment_date"], RevisionOne.Handlers.Select(h => h.Anchor));
        Assert.Equal("timestamp", RevisionOne.Handler("noshow-recovery-handler")!.Fields.Single(f => f.Name == "scheduled_time").Kind);
        Assert.True(RevisionOne.Handler("onboarding-handler")!.Fields.Single(f => f.Name == "payment_status").StartsOnlyIfExpected);
    }

    [Fact]
    public void Build_PassesTheRules_WithTheShippedTemplates()
    {
        var templates = new DefaultTemplates().All.Keys.ToHashSet();
        Assert.Empty(DefinitionValidator.Validate(RevisionOne, templates.Contains));
    }

    [Theory]
    [InlineData(DefinitionFormat.Json)]
    [InlineData(DefinitionFormat.Yaml)]
    public void WriteThenRead_GivesTheSameDocument(DefinitionFormat format)
    {
        var text = DefinitionWriter.Write(RevisionOne, format, ("revision", 1));
        var read = DefinitionReader.Read(text, format);
        Assert.Empty(read.Errors);
        Assert.Equal(DefinitionWriter.ToJson(RevisionOne), DefinitionWriter.ToJson(read.Document!));
    }

    [Fact]
    public void Yaml_ReadsLikeDesignsExample()
    {
        var yaml = DefinitionWriter.Write(RevisionOne, DefinitionFormat.Yaml, ("revision", 1));
        Assert.StartsWith("revision: 1\nsequences:\n- name: assessment\n  label: Assessment follow-up\n  stage: null\n  dedupeFields: []\n", yaml.ReplaceLineEndings("\n"));
        Assert.Contains("{number: 1, template: assessment-1, offset: 0h, testingOffset: 0m, sentByWebsite: true}", yaml);
        Assert.Contains("{number: 3, template: assessment-3, offset: 3d, testingOffset: 2m}", yaml);
        Assert.Contains("ends: [{sequence: noshow, reason: superseded by postcall}]", yaml);
        Assert.Contains("{name: email_1_status, kind: text, required: true, expected: sent}", yaml);
    }
}
