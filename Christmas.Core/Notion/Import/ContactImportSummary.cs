namespace Christmas.Core.Notion.Import;

/// <summary><c>POST /api/notion/import/contacts</c>: what happened (or, on a dry run, would happen).</summary>
public sealed record ContactImportSummary(
    bool DryRun,
    int Pages,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportSkip> Skipped,
    IReadOnlyList<ImportMerge> Merged);

public sealed record ImportSkip(string PageId, string Reason);

/// <summary>Several pages of one email (the old system never looked before it created) became one contact.</summary>
public sealed record ImportMerge(string Email, IReadOnlyList<string> PageIds);
