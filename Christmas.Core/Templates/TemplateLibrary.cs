using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Templates;

/// <summary>
/// The read side of templates for the console: every key a step sends (the sequences' template keys and
/// their segment variants), its current version and its history. Few rows (tens of keys), so the current
/// versions are read in one query.
/// </summary>
public sealed class TemplateLibrary(IDbContextFactory<CampaignDbContext> contexts, Campaign.Live.PublishedCampaign campaign, DefaultTemplates defaults,
    TemplateAudiences audiences, TemplateStore store)
{
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken ct)
    {
        var current = (await store.AllCurrentAsync(ct)).ToDictionary(t => t.Key, StringComparer.Ordinal);
        var audience = await audiences.ForListAsync(EditableSteps().Select(x => x.Step.TemplateKey), ct);
        var rows = new List<TemplateSummary>();
        foreach (var (definition, step) in EditableSteps())
        {
            var variants = current.Keys.Concat(defaults.All.Keys).Where(k => k.StartsWith(step.TemplateKey + ".", StringComparison.Ordinal))
                .Distinct().Order(StringComparer.Ordinal);
            foreach (var key in variants.Prepend(step.TemplateKey))
            {
                if (!current.TryGetValue(key, out var t)) continue;
                var variant = key == step.TemplateKey ? null : key[(step.TemplateKey.Length + 1)..].ToUpperInvariant();
                rows.Add(new TemplateSummary(definition.Name, step.Number, key, variant, t.Version, t.Author, t.CreatedAt, t.Subject,
                    audience.GetValueOrDefault(key)));
            }
        }
        return rows;
    }

    /// <summary>Every version of a key, newest first.</summary>
    public async Task<IReadOnlyList<EmailTemplate>> HistoryAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EmailTemplates.AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).ToListAsync(ct);
    }

    /// <summary>The sequence whose step sends <paramref name="key"/> (or its base template); null for a key no step uses.</summary>
    public SequenceDefinition? SequenceOf(string key)
    {
        var baseKey = key.Split('.')[0];
        return EditableSteps().Where(x => x.Step.TemplateKey == baseKey).Select(x => x.Definition).FirstOrDefault();
    }

    /// <summary>Where a key is sent, in words: "assessment email #2, CRITICAL variant".</summary>
    public string Describe(string key)
    {
        var baseKey = key.Split('.')[0];
        if (SequenceOf(key) is not { } definition) return key;
        var step = definition.Steps.First(s => s.TemplateKey == baseKey).Number;
        var variant = key.Length > baseKey.Length ? $", {key[(baseKey.Length + 1)..].ToUpperInvariant()} variant" : "";
        return $"{definition.Name} email #{step}{variant}";
    }

    private IEnumerable<(SequenceDefinition Definition, StepDefinition Step)> EditableSteps() =>
        campaign.Latest.Sequences.SelectMany(d => d.Steps.Where(s => !s.SentByWebsite).Select(s => (d, s)));
}
