namespace Christmas.Core.Templates;

/// <summary>The texts shipped with the product (embedded <c>Templates/Defaults/*.md</c>), read once.</summary>
public sealed class DefaultTemplates
{
    private const string Prefix = "Christmas.Templates.Defaults.";

    public IReadOnlyDictionary<string, TemplateSource> All { get; } = Load();

    private static Dictionary<string, TemplateSource> Load()
    {
        var assembly = typeof(DefaultTemplates).Assembly;
        var templates = new Dictionary<string, TemplateSource>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var key = name[Prefix.Length..^".md".Length];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            templates[key] = TemplateSource.Parse(key, reader.ReadToEnd());
        }
        return templates;
    }
}
