using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Templates;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Import;

/// <summary>
/// The team's own email texts from the old Email Templates database: names mapped to our keys, old
/// placeholders translated, the HTML kept as the body. A text is saved as a new version only if it
/// renders; it replaces the base template and each segment variant still holding our shipped text
/// (a variant a person edited is kept). Running it again adds nothing: a text already current is skipped.
/// </summary>
public sealed class TemplateImport(
    NotionSchemas schemas, NotionClients clients, TemplateStore store, DefaultTemplates defaults, TemplateRenderer renderer,
    SampleVariables samples, TemplateVariableCatalog catalog, AuditLog audit, IOptions<NotionOptions> options)
{
    public const string NameProperty = "Template Name";
    public const string SubjectProperty = "Subject Line";
    public const string BodyProperty = "Email Body HTML";
    public const string StatusProperty = "Status";
    private static readonly Segment[] Segments = Enum.GetValues<Segment>();

    public async Task<Outcome<TemplateImportSummary>> RunAsync(bool dryRun, string actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured) return Outcome<TemplateImportSummary>.Conflict(NotionOperations.NotConfigured);
        if (string.IsNullOrWhiteSpace(o.TemplatesDatabaseId)) return Outcome<TemplateImportSummary>.Conflict("Notion:TemplatesDatabaseId is not set.");
        NotionDataSource source;
        try
        {
            source = await schemas.DataSourceAsync(o.TemplatesDatabaseId.Trim(), ct);
        }
        catch (NotionApiException ex)
        {
            return Outcome<TemplateImportSummary>.Conflict($"The Email Templates database cannot be read: {ex.Message}");
        }
        var subjectProperty = Find(source, SubjectProperty);
        var bodyProperty = Find(source, BodyProperty);
        if (subjectProperty is null || bodyProperty is null)
            return Outcome<TemplateImportSummary>.Conflict($"The Email Templates database needs the properties '{SubjectProperty}' and '{BodyProperty}'.");
        var statusProperty = Find(source, StatusProperty);

        var pages = new List<NotionPage>();
        await foreach (var page in clients.Create().QueryAllAsync(source.Id, null, ct)) pages.Add(page);
        progress?.Report(new ImportProgress("reading", pages.Count, pages.Count));

        var imported = new List<ImportedTemplate>();
        var skipped = new List<SkippedTemplate>();
        var variants = new List<TemplateVariantOutcome>();
        var done = 0;
        // The newest edit of a name wins; older pages of the same name are reported, not imported.
        foreach (var group in pages.GroupBy(p => (p.TitleText() ?? "").Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var ordered = group.OrderByDescending(p => p.LastEditedTime).ToList();
            foreach (var older in ordered.Skip(1)) skipped.Add(new SkippedTemplate(group.Key, $"an older page of the same name ({older.Id})"));
            var page = ordered[0];
            var text = (Subject: page.Text(subjectProperty) ?? "", Body: page.Text(bodyProperty) ?? "",
                Inactive: statusProperty is not null && string.Equals(page.Select(statusProperty), "Inactive", StringComparison.OrdinalIgnoreCase));
            var reason = await ImportOneAsync(group.Key, text.Subject, text.Body, text.Inactive, dryRun, actor, imported, variants, ct);
            if (reason is not null) skipped.Add(new SkippedTemplate(group.Key, reason));
            progress?.Report(new ImportProgress(dryRun ? "checking" : "writing", ++done, pages.Count));
        }

        var summary = new TemplateImportSummary(dryRun, imported, skipped, variants);
        await audit.RecordAsync(actor, dryRun ? "notion.import.templates.dry-run" : "notion.import.templates", "notion",
            $"{imported.Count} imported ({string.Join(", ", imported.Select(i => $"{i.TemplateKey} v{i.Version}"))}), {skipped.Count} skipped, " +
            $"{variants.Count(v => v.Outcome == "replaced")} variant(s) replaced", ct);
        return Outcome<TemplateImportSummary>.Ok(summary);
    }

    /// <returns>Null when imported, else why not.</returns>
    private async Task<string?> ImportOneAsync(string name, string oldSubject, string oldBody, bool inactive, bool dryRun, string actor,
        List<ImportedTemplate> imported, List<TemplateVariantOutcome> variants, CancellationToken ct)
    {
        if (name.Length == 0) return "the page has no template name";
        if (OldTemplateNames.KeyFor(name, out var notImported) is not { } key) return notImported;
        if (inactive) return "marked Inactive in Notion";
        if (string.IsNullOrWhiteSpace(oldSubject)) return $"no {SubjectProperty}";
        if (string.IsNullOrWhiteSpace(oldBody)) return $"no {BodyProperty}";

        var (subject, unknownInSubject) = OldVariables.Translate(oldSubject.Trim(), catalog.Names);
        var (body, unknownInBody) = OldVariables.Translate(oldBody.Trim() + "\n", catalog.Names);
        var unknown = unknownInSubject.Concat(unknownInBody).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) return $"unknown variable(s) {string.Join(", ", unknown)}: no data of this app has them";
        if (await RenderErrorAsync(key, subject, body) is { } error) return $"does not render: {error}";

        var current = await store.CurrentAsync(key, ct);
        if (current is not null && current.Subject == subject && current.Body == body) return $"already the current text of {key} (v{current.Version})";
        var version = await SaveAsync(key, subject, body, current, dryRun, actor, ct);
        imported.Add(new ImportedTemplate(name, key, version));
        if (key.StartsWith("assessment-", StringComparison.Ordinal))
            foreach (var segment in Segments)
                variants.Add(await ReplaceVariantAsync(EmailTemplate.VariantKey(key, segment.ToString()), subject, body, dryRun, actor, ct));
        return null;
    }

    /// <summary>Our stock text gives way to the team's own words; a variant a person wrote stays.</summary>
    private async Task<TemplateVariantOutcome> ReplaceVariantAsync(string variantKey, string subject, string body, bool dryRun, string actor, CancellationToken ct)
    {
        var current = await store.CurrentAsync(variantKey, ct);
        if (current is null) return new TemplateVariantOutcome(variantKey, "none", null);
        if (current.Subject == subject && current.Body == body) return new TemplateVariantOutcome(variantKey, "already current", current.Version);
        var shipped = defaults.All.TryGetValue(variantKey, out var source) && source.Subject == current.Subject && source.Body == current.Body;
        if (!shipped) return new TemplateVariantOutcome(variantKey, $"kept: edited by {current.Author}", current.Version);
        return new TemplateVariantOutcome(variantKey, "replaced", await SaveAsync(variantKey, subject, body, current, dryRun, actor, ct));
    }

    private async Task<int> SaveAsync(string key, string subject, string body, EmailTemplate? current, bool dryRun, string actor, CancellationToken ct)
    {
        if (dryRun) return (current?.Version ?? 0) + 1;
        var saved = await store.SaveAsync(key, subject, body, $"notion-import:{actor}", ct);
        return saved.Value?.Version ?? throw new InvalidOperationException($"Template {key} was checked but not saved: {saved.Error}");
    }

    /// <summary>Parse, variables, and a real rendering with sample data: what a send would do.</summary>
    private async Task<string?> RenderErrorAsync(string key, string subject, string body)
    {
        var errors = await renderer.ValidateAsync(subject, body);
        if (errors.Count > 0) return string.Join(" ", errors);
        try
        {
            await renderer.RenderDraftAsync(key, subject, body, samples.For(key));
            return null;
        }
        catch (TemplateException ex)
        {
            return ex.Message;
        }
    }

    private static string? Find(NotionDataSource source, string name) =>
        source.Properties.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
