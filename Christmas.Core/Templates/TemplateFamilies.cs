namespace Christmas.Core.Templates;

/// <summary>
/// Every stored template by family (the API's view): unlike <see cref="TemplateLibrary"/>, which lists
/// what the steps send, this includes keys no step uses yet (a new step's text is written before its step).
/// </summary>
public sealed class TemplateFamilies(TemplateStore store)
{
    public async Task<IReadOnlyList<TemplateFamily>> ListAsync(CancellationToken ct)
    {
        var current = await store.AllCurrentAsync(ct);
        var byKey = current.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return current.Where(t => SegmentVariants.BaseKey(t.Key) == t.Key)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TemplateFamily(t, VariantsOf(t.Key, byKey)))
            .ToList();
    }

    /// <summary>A base key with its variants; a variant key alone (variants have none); null when the key has no version.</summary>
    public async Task<TemplateFamily?> FindAsync(string key, CancellationToken ct)
    {
        var byKey = (await store.AllCurrentAsync(ct)).ToDictionary(t => t.Key, StringComparer.Ordinal);
        if (!byKey.TryGetValue(key, out var template)) return null;
        return new TemplateFamily(template, SegmentVariants.BaseKey(key) == key ? VariantsOf(key, byKey) : []);
    }

    private static List<EmailTemplate> VariantsOf(string baseKey, Dictionary<string, EmailTemplate> byKey) =>
        Enum.GetValues<Contacts.Segment>()
            .Select(s => byKey.GetValueOrDefault(EmailTemplate.VariantKey(baseKey, s.ToString())))
            .OfType<EmailTemplate>()
            .ToList();
}
