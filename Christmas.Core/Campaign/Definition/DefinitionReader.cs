namespace Christmas.Core.Campaign.Definition;

/// <summary>
/// Reads a definition from JSON or YAML (the same shape). Shape errors (a missing key, a bad duration)
/// come back with their path and, for YAML, their line; the rules are <see cref="DefinitionValidator"/>'s.
/// </summary>
public static class DefinitionReader
{
    /// <summary>Keys a definition read back may carry (an export); a draft ignores them.</summary>
    private static readonly string[] RootKeys = ["revision", "baseRevision", "updatedAt", "updatedBy", "sequences", "handlers"];
    private static readonly string[] SequenceKeys = ["name", "label", "stage", "dedupeFields", "ends", "steps"];
    private static readonly string[] EndKeys = ["sequence", "reason"];
    private static readonly string[] StepKeys = ["number", "template", "offset", "testingOffset", "sentByWebsite"];
    private static readonly string[] HandlerKeys = ["name", "description", "starts", "anchor", "websiteStatusField", "fields"];
    private static readonly string[] FieldKeys = ["name", "kind", "required", "expected", "min", "max", "startsOnlyIfExpected"];

    public static ParsedDefinition Read(string text, DefinitionFormat format)
    {
        var root = format == DefinitionFormat.Yaml ? YamlTree.Parse(text, out var error) : JsonTree.Parse(text, out error);
        if (root is null) return new ParsedDefinition(null, [error!], new Dictionary<string, int>());
        var reader = new NodeReader();
        var document = Document(reader, root);
        var parsed = new ParsedDefinition(reader.Errors.Count == 0 ? document : null, [], reader.Lines);
        // A missing key has no line of its own: it gets the line of the object it is missing from.
        return parsed with { Errors = parsed.WithLines(reader.Errors) };
    }

    private static CampaignDocument? Document(NodeReader r, DefinitionNode node)
    {
        if (r.Map(node, "", RootKeys) is not { } map) return null;
        return new CampaignDocument(
            r.List(map, "sequences", "", required: true, (n, p) => Sequence(r, n, p)),
            r.List(map, "handlers", "", required: true, (n, p) => Handler(r, n, p)));
    }

    private static SequenceSpec? Sequence(NodeReader r, DefinitionNode node, string path)
    {
        if (r.Map(node, path, SequenceKeys) is not { } map) return null;
        return new SequenceSpec(
            r.Text(map, "name", path, required: true) ?? "",
            r.Text(map, "label", path, required: true) ?? "",
            r.Text(map, "stage", path, required: false),
            r.List(map, "dedupeFields", path, required: false, r.TextItem),
            r.List(map, "ends", path, required: false, (n, p) => End(r, n, p)),
            r.List(map, "steps", path, required: true, (n, p) => Step(r, n, p)));
    }

    private static SequenceEndSpec? End(NodeReader r, DefinitionNode node, string path)
    {
        if (r.Map(node, path, EndKeys) is not { } map) return null;
        return new SequenceEndSpec(r.Text(map, "sequence", path, required: true) ?? "", r.Text(map, "reason", path, required: true) ?? "");
    }

    private static StepSpec? Step(NodeReader r, DefinitionNode node, string path)
    {
        if (r.Map(node, path, StepKeys) is not { } map) return null;
        var number = r.Number(map, "number", path, required: true);
        if (number is { } n && (n != decimal.Truncate(n) || n < 1 || n > 1000))
            r.Fail(NodeReader.Join(path, "number"), "A step number is a whole number from 1 to 1000.", map["number"]);
        return new StepSpec(
            number is { } whole && whole == decimal.Truncate(whole) && whole is >= 1 and <= 1000 ? (int)whole : 0,
            r.Text(map, "template", path, required: true) ?? "",
            r.Duration(map, "offset", path),
            r.Duration(map, "testingOffset", path),
            r.Bool(map, "sentByWebsite", path, fallback: false));
    }

    private static HandlerSpec? Handler(NodeReader r, DefinitionNode node, string path)
    {
        if (r.Map(node, path, HandlerKeys) is not { } map) return null;
        return new HandlerSpec(
            r.Text(map, "name", path, required: true) ?? "",
            r.Text(map, "description", path, required: false),
            r.Text(map, "starts", path, required: false),
            r.Text(map, "anchor", path, required: false),
            r.List(map, "fields", path, required: true, (n, p) => Field(r, n, p)),
            r.Text(map, "websiteStatusField", path, required: false));
    }

    private static FieldSpec? Field(NodeReader r, DefinitionNode node, string path)
    {
        if (r.Map(node, path, FieldKeys) is not { } map) return null;
        return new FieldSpec(
            r.Text(map, "name", path, required: true) ?? "",
            r.Text(map, "kind", path, required: true) ?? "",
            // As in DESIGN's example (email_1_status): a field is required unless it says otherwise.
            r.Bool(map, "required", path, fallback: true),
            r.Text(map, "expected", path, required: false),
            r.Number(map, "min", path, required: false),
            r.Number(map, "max", path, required: false),
            r.Bool(map, "startsOnlyIfExpected", path, fallback: false));
    }
}
