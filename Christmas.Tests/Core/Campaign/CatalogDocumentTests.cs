using Christmas.Core.Campaign.Definition;
using Christmas.Core.Common;
using Christmas.Core.Sequences;
using Christmas.Core.Templates;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Campaign;

/// <summary>Revision 1 says what the C# catalogs say, passes its own rules, and survives JSON and YAML unchanged.</summary>
public sealed class CatalogDocumentTests
{
    private static readonly SequenceCatalog Sequences = new();
    private static readonly HandlerCatalog Handlers = new();
    private static readonly CampaignDocument RevisionOne = CatalogDocument.From(Sequences, Handlers);

    [Fact]
    public void From_HasEverySequenceOfTheCatalog_StepForStep()
    {
        Assert.Equal(["assessment", "noshow", "postcall", "onboarding"], RevisionOne.Sequences.Select(s => s.Name));
        foreach (var definition in Sequences.All)
        {
            var spec = RevisionOne.Sequence(definition.Name)!;
            Assert.Equal(definition.Steps.Select(s => (s.Number, s.TemplateKey, s.ProductionOffset, s.TestingOffset, s.SentByWebsite)),
                spec.Steps.Select(s => (s.Number, s.Template, s.Offset, s.TestingOffset, s.SentByWebsite)));
            Assert.Equal(definition.DedupeFields, spec.DedupeFields);
            Assert.Equal(definition.Ends.Select(e => (e.Kind.ToApiName(), e.Reason)), spec.Ends.Select(e => (e.Sequence, e.Reason)));
        }
    }

    [Fact]
    public void From_LabelsAndStages_FollowTheFunnel()
    {
        Assert.Equal(
            [("assessment", "Assessment follow-up", null), ("noshow", "No-show recovery", "booked a call"),
             ("postcall", "Post-call maybe", "booked a call"), ("onboarding", "Onboarding", "paid")],
            RevisionOne.Sequences.Select(s => (s.Name, s.Label, s.Stage)));
    }

    [Fact]
    public void From_HasEveryHandlerOfTheCatalog_FieldForField()
    {
        Assert.Equal(Handlers.All.Select(h => h.Name), RevisionOne.Handlers.Select(h => h.Name));
        foreach (var definition in Handlers.All)
        {
            var spec = RevisionOne.Handler(definition.Name)!;
            Assert.Equal(definition.Description, spec.Description);
            Assert.Equal(definition.Starts?.ToApiName(), spec.Starts);
            Assert.Equal(definition.WebsiteStatusField, spec.WebsiteStatusField);
            Assert.Equal(definition.Fields.Select(f => (f.Name, CatalogDocument.Kind(f.Kind), f.Required, f.Expected, f.StartsSequenceOnlyIfExpected)),
                spec.Fields.Select(f => (f.Name, f.Kind, f.Required, f.Expected, f.StartsOnlyIfExpected)));
        }
        Assert.Equal([null, "email_1_sent_at", "scheduled_time", "call_date", "payment_date"], RevisionOne.Handlers.Select(h => h.Anchor));
        Assert.Equal("timestamp", RevisionOne.Handler("noshow-recovery-handler")!.Fields.Single(f => f.Name == "scheduled_time").Kind);
    }

    [Fact]
    public void From_PassesTheRules_WithTheShippedTemplates()
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
