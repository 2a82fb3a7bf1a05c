using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Christmas.Core.Campaign.Definition;

/// <summary>YAML text to and from the <see cref="DefinitionNode"/> tree, keeping each node's line (YamlDotNet's Mark, 1-based).</summary>
internal static partial class YamlTree
{
    public static DefinitionNode? Parse(string text, out DefinitionError? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            error = new DefinitionError("", $"Not valid YAML: {Reason(ex)}", (int)ex.Start.Line);
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            error = new DefinitionError("", "The YAML document is empty.", 1);
            return null;
        }
        return From(stream.Documents[0].RootNode, out error);
    }

    public static string Write(DefinitionNode root)
    {
        var writer = new StringWriter();
        // A wide line, so a long description stays on one line instead of being folded.
        var emitter = new Emitter(writer, 2, 1000);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static DefinitionNode? From(YamlNode node, out DefinitionError? error)
    {
        error = null;
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                var entries = new List<KeyValuePair<string, DefinitionNode>>();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        error = new DefinitionError("", "A key must be plain text.", (int)key.Start.Line);
                        return null;
                    }
                    if (From(value, out error) is not { } child) return null;
                    entries.Add(KeyValuePair.Create(name, child));
                }
                return new MapNode(entries, line);
            case YamlSequenceNode list:
                var items = new List<DefinitionNode>();
                foreach (var item in list.Children)
                {
                    if (From(item, out error) is not { } child) return null;
                    items.Add(child);
                }
                return new ListNode(items, line);
            case YamlScalarNode scalar:
                return Scalar(scalar, line);
            default:
                error = new DefinitionError("", "Aliases and tags are not supported here.", line);
                return null;
        }
    }

    /// <summary>YAML 1.2 core schema for plain scalars; a quoted scalar is always text.</summary>
    private static ScalarNode Scalar(YamlScalarNode scalar, int line)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return new ScalarNode(value, ScalarType.String, line);
        if (value is "" or "~" || NullWord().IsMatch(value)) return new ScalarNode(null, ScalarType.Null, line);
        if (BoolWord().IsMatch(value)) return new ScalarNode(value.ToLowerInvariant(), ScalarType.Bool, line);
        if (Number().IsMatch(value)) return new ScalarNode(value, ScalarType.Number, line);
        return new ScalarNode(value, ScalarType.String, line);
    }

    private static void Emit(IEmitter emitter, DefinitionNode node)
    {
        switch (node)
        {
            case MapNode map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, map.Flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case ListNode list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, list.Flow || list.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case ScalarNode { Type: ScalarType.Null }:
                emitter.Emit(new Scalar("null"));
                break;
            case ScalarNode { Type: ScalarType.Bool or ScalarType.Number } raw:
                emitter.Emit(new Scalar(raw.Text!));
                break;
            case ScalarNode text:
                // Text that would read back as null, a boolean or a number is quoted; other text is left to the emitter (plain when it can).
                var words = text.Text ?? "";
                var ambiguous = words is "" or "~" || NullWord().IsMatch(words) || BoolWord().IsMatch(words) || Number().IsMatch(words);
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, words, ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                break;
        }
    }

    private static string Reason(YamlException ex)
    {
        // YamlDotNet prefixes the position ("(Line: 3, Col: 5, Idx: 20) - (...): "); the line is reported separately.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex("^(null|Null|NULL)$")]
    private static partial Regex NullWord();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolWord();

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex Number();
}
