using System.Globalization;

namespace Christmas.Core.Campaign.Definition;

/// <summary>Writes a definition as JSON (camelCase) or YAML, in the shape <see cref="DefinitionReader"/> reads back.</summary>
public static class DefinitionWriter
{
    /// <param name="header">Read-only values written first, e.g. <c>("revision", 3)</c>; a reader ignores them.</param>
    public static string Write(CampaignDocument document, DefinitionFormat format, params (string Key, object? Value)[] header)
    {
        var entries = header.Select(h => KeyValuePair.Create(h.Key, (DefinitionNode)Scalar(h.Value))).ToList();
        entries.Add(Entry("sequences", new ListNode(document.Sequences.Select(Sequence).ToList())));
        entries.Add(Entry("handlers", new ListNode(document.Handlers.Select(Handler).ToList())));
        var root = new MapNode(entries);
        return format == DefinitionFormat.Yaml ? YamlTree.Write(root) : JsonTree.Write(root);
    }

    public static string ToJson(CampaignDocument document) => Write(document, DefinitionFormat.Json);

    private static MapNode Sequence(SequenceSpec s) => new(
    [
        Entry("name", s.Name),
        Entry("label", s.Label),
        Entry("stage", ScalarNode.Of(s.Stage)),
        Entry("dedupeFields", new ListNode(s.DedupeFields.Select(f => (DefinitionNode)ScalarNode.Of(f)).ToList(), Flow: true)),
        Entry("ends", new ListNode(s.Ends.Select(e => (DefinitionNode)new MapNode([Entry("sequence", e.Sequence), Entry("reason", e.Reason)], Flow: true)).ToList(), Flow: true)),
        Entry("steps", new ListNode(s.Steps.Select(Step).ToList())),
    ]);

    private static DefinitionNode Step(StepSpec step)
    {
        List<KeyValuePair<string, DefinitionNode>> entries =
        [
            Entry("number", Number(step.Number)),
            Entry("template", step.Template),
            Entry("offset", CampaignDuration.Format(step.Offset, zero: "0h")),
            Entry("testingOffset", CampaignDuration.Format(step.TestingOffset)),
        ];
        if (step.SentByWebsite) entries.Add(Entry("sentByWebsite", Bool(true)));
        return new MapNode(entries, Flow: true);
    }

    private static DefinitionNode Handler(HandlerSpec h)
    {
        List<KeyValuePair<string, DefinitionNode>> entries =
        [
            Entry("name", h.Name),
            Entry("description", ScalarNode.Of(h.Description)),
            Entry("starts", ScalarNode.Of(h.Starts)),
            Entry("anchor", ScalarNode.Of(h.Anchor)),
        ];
        if (h.WebsiteStatusField is { } status) entries.Add(Entry("websiteStatusField", status));
        entries.Add(Entry("fields", new ListNode(h.Fields.Select(Field).ToList())));
        return new MapNode(entries);
    }

    private static DefinitionNode Field(FieldSpec f)
    {
        List<KeyValuePair<string, DefinitionNode>> entries = [Entry("name", f.Name), Entry("kind", f.Kind), Entry("required", Bool(f.Required))];
        if (f.Expected is { } expected) entries.Add(Entry("expected", expected));
        if (f.Min is { } min) entries.Add(Entry("min", Number(min)));
        if (f.Max is { } max) entries.Add(Entry("max", Number(max)));
        if (f.StartsOnlyIfExpected) entries.Add(Entry("startsOnlyIfExpected", Bool(true)));
        return new MapNode(entries, Flow: true);
    }

    private static ScalarNode Scalar(object? value) => value switch
    {
        null => ScalarNode.Null,
        int or long or decimal => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        bool b => Bool(b),
        DateTime t => ScalarNode.Of(t.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset t => ScalarNode.Of(t.ToString("O", CultureInfo.InvariantCulture)),
        _ => ScalarNode.Of(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static ScalarNode Number(decimal value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarType.Number);

    private static ScalarNode Bool(bool value) => new(value ? "true" : "false", ScalarType.Bool);

    private static KeyValuePair<string, DefinitionNode> Entry(string key, DefinitionNode value) => KeyValuePair.Create(key, value);

    private static KeyValuePair<string, DefinitionNode> Entry(string key, string value) => KeyValuePair.Create(key, (DefinitionNode)ScalarNode.Of(value));
}
