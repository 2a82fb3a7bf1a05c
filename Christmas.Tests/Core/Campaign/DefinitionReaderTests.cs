using Christmas.Core.Campaign.Definition;
using Christmas.Core.Templates;

namespace Christmas.Tests.Core.Campaign;

/// <summary>Reading JSON and YAML: shape errors and rule errors name their path, and in YAML their line.</summary>
public sealed class DefinitionReaderTests
{
    private static readonly HashSet<string> Templates = new DefaultTemplates().All.Keys.ToHashSet();

    private const string Yaml = """
        revision: 7
        sequences:
          - name: webinar
            label: Webinar follow-up
            stage: null
            dedupeFields: [webinar_id]
            ends: []
            steps:
              - {number: 1, template: assessment-2, offset: 1h, testingOffset: 1m}
              - {number: 2, template: assessment-3, offset: P3D, testingOffset: 2m}
        handlers:
          - name: webinar-handler
            description: "Webinar sign-up: two emails."
            starts: webinar
            anchor: signed_up_at
            fields:
              - {name: email, kind: email, required: true}
              - {name: webinar_id, kind: text}
              - {name: signed_up_at, kind: timestamp}
              - {name: seats, kind: integer, required: false, min: 1, max: 10}
        """;

    private static IReadOnlyList<DefinitionError> Check(string text, DefinitionFormat format = DefinitionFormat.Yaml)
    {
        var parsed = DefinitionReader.Read(text, format);
        return parsed.Document is { } document ? parsed.WithLines(DefinitionValidator.Validate(document, Templates.Contains)) : parsed.Errors;
    }

    [Fact]
    public void Read_AValidYamlDocument_IgnoresItsRevision()
    {
        var parsed = DefinitionReader.Read(Yaml, DefinitionFormat.Yaml);
        Assert.Empty(parsed.Errors);
        var webinar = Assert.Single(parsed.Document!.Sequences);
        Assert.Equal(TimeSpan.FromDays(3), webinar.Steps[1].Offset);
        var seats = parsed.Document.Handlers[0].Fields[3];
        Assert.Equal((FieldKinds.Integer, false, 1m, 10m), (seats.Kind, seats.Required, seats.Min, seats.Max));
        Assert.True(parsed.Document.Handlers[0].Fields[1].Required); // required unless it says otherwise
        Assert.Empty(Check(Yaml));
    }

    [Fact]
    public void ABadDuration_IsAnErrorAtItsPathAndLine()
    {
        var error = Assert.Single(Check(Yaml.Replace("offset: P3D", "offset: 3 days")));
        Assert.Equal(("sequences[0].steps[1].offset", 10), (error.Path, error.Line));
        Assert.Contains("'3 days' is not a duration", error.Message);
        Assert.StartsWith("line 10: ", error.ToString());
    }

    [Fact]
    public void ARuleError_GetsTheLineOfItsPath()
    {
        var error = Assert.Single(Check(Yaml.Replace("template: assessment-3", "template: webinar-2")));
        Assert.Equal(("sequences[0].steps[1].template", 10), (error.Path, error.Line));
        var dedupe = Assert.Single(Check(Yaml.Replace("[webinar_id]", "[webinar_key]")));
        Assert.Equal(("sequences[0].dedupeFields[0]", 6), (dedupe.Path, dedupe.Line));
        var anchor = Assert.Single(Check(Yaml.Replace("anchor: signed_up_at", "anchor: webinar_id")));
        Assert.Equal(("handlers[0].anchor", 15), (anchor.Path, anchor.Line));
    }

    [Fact]
    public void MissingAndUnknownKeys_AreNamed()
    {
        var errors = Check(Yaml.Replace("    label: Webinar follow-up\n", "").Replace("kind: email, required: true", "kind: email, requird: true"));
        Assert.Equal(["sequences[0].label", "handlers[0].fields[0].requird"], errors.Select(e => e.Path));
        Assert.Equal(3, errors[0].Line); // the sequence's own line: the key is not there
        Assert.Equal(16, errors[1].Line);
    }

    [Fact]
    public void BrokenYaml_IsOneErrorWithItsLine()
    {
        var error = Assert.Single(Check(Yaml.Replace("{number: 2,", "{number: 2")));
        Assert.Equal("", error.Path);
        Assert.Equal(10, error.Line);
        Assert.StartsWith("Not valid YAML", error.Message);
    }

    [Fact]
    public void Json_NamesPathsToo_AndBrokenJsonItsLine()
    {
        var json = DefinitionWriter.ToJson(DefinitionReader.Read(Yaml, DefinitionFormat.Yaml).Document!);
        Assert.Empty(Check(json, DefinitionFormat.Json));
        var error = Assert.Single(Check(json.Replace("\"testingOffset\": \"2m\"", "\"testingOffset\": \"2d\""), DefinitionFormat.Json));
        Assert.Equal("sequences[0].steps[1].testingOffset", error.Path);
        var broken = Assert.Single(Check(json.Replace("\"label\":", "\"label\""), DefinitionFormat.Json));
        Assert.Equal(5, broken.Line);
    }

    [Fact]
    public void AQuotedNumberOrWord_StaysText_WhenWrittenAndReadBack()
    {
        var parsed = DefinitionReader.Read(Yaml.Replace("{name: webinar_id, kind: text}", "{name: webinar_id, kind: text, expected: \"true\"}"), DefinitionFormat.Yaml);
        Assert.Equal("true", parsed.Document!.Handlers[0].Fields[1].Expected);
        var again = DefinitionReader.Read(DefinitionWriter.Write(parsed.Document, DefinitionFormat.Yaml), DefinitionFormat.Yaml);
        Assert.Equal("true", again.Document!.Handlers[0].Fields[1].Expected);
    }
}
