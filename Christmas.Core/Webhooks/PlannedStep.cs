namespace Christmas.Core.Webhooks;

/// <summary>One email of a dry run: when it would go out and in which state it would be stored.</summary>
/// <param name="Status">scheduled, sent (by the website) or skipped; <paramref name="Note"/> says why.</param>
public sealed record PlannedStep(int Number, string TemplateKey, DateTime DueAt, string Status, string? Note);
