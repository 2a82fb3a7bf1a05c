namespace Christmas.Core.Notion.Import;

/// <summary><c>POST /api/notion/import/templates</c>: the texts imported (or, on a dry run, that would be) and why others were not.</summary>
public sealed record TemplateImportSummary(
    bool DryRun,
    IReadOnlyList<ImportedTemplate> Imported,
    IReadOnlyList<SkippedTemplate> Skipped,
    IReadOnlyList<TemplateVariantOutcome> Variants);

/// <param name="Version">The new version (on a dry run: the version it would get).</param>
public sealed record ImportedTemplate(string Name, string TemplateKey, int Version);

public sealed record SkippedTemplate(string Name, string Reason);

/// <summary>A segment variant of an imported step: replaced (it still held our shipped text) or kept (a person edited it).</summary>
public sealed record TemplateVariantOutcome(string TemplateKey, string Outcome, int? Version);
