using Christmas.Core.Audit;
using Christmas.Core.Common;

namespace Christmas.Core.Templates;

/// <summary>Operator actions on templates (save, restore), each a new version and an audit entry.</summary>
public sealed class TemplateOperations(TemplateStore store, TemplateLibrary library, AuditLog audit)
{
    /// <summary>The column's length (EmailTemplateConfiguration): longer would fail in the database, not as a 400.</summary>
    public const int MaxSubjectLength = 500;

    public async Task<Outcome<EmailTemplate>> SaveAsync(string key, string subject, string body, string actor, CancellationToken ct)
    {
        if (library.SequenceOf(key) is null) return Outcome<EmailTemplate>.NotFound($"No step sends a template '{key}'.");
        var saved = await store.SaveAsync(key, subject, body, actor, ct);
        if (saved.Value is { } t) await audit.RecordAsync(actor, "template.save", key, $"v{t.Version}: {t.Subject}", ct);
        return saved;
    }

    /// <summary>
    /// The API's save: a new version of any valid key, creating it when new (a new step's text is written
    /// before the campaign definition names it), or of its <paramref name="segment"/> variant. A variant
    /// needs its base template. Every error, the renderer's included, is <see cref="OutcomeKind.Invalid"/>.
    /// </summary>
    public async Task<Outcome<EmailTemplate>> PutAsync(string key, string? segment, string subject, string body, string actor, CancellationToken ct)
    {
        if (TemplateKeys.Resolve(key, segment, out var error) is not { } target) return Outcome<EmailTemplate>.Invalid(error!);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
            return Outcome<EmailTemplate>.Invalid($"subject is required, at most {MaxSubjectLength} characters.");
        var baseKey = SegmentVariants.BaseKey(target);
        if (baseKey != target && await store.CurrentAsync(baseKey, ct) is null)
            return Outcome<EmailTemplate>.NotFound($"There is no template '{baseKey}' to add a variant to: create it first.");
        var created = await store.CurrentAsync(target, ct) is null;
        var saved = await store.SaveAsync(target, subject, body, actor, ct);
        if (saved.Value is not { } t) return Outcome<EmailTemplate>.Invalid(saved.Error!);
        await audit.RecordAsync(actor, created ? "template.create" : "template.save", target, $"v{t.Version}: {t.Subject}", ct);
        return saved;
    }

    /// <summary>Puts the shipped text back as a new version.</summary>
    public async Task<Outcome<EmailTemplate>> RestoreDefaultAsync(string key, string actor, CancellationToken ct)
    {
        var saved = await store.RestoreDefaultAsync(key, actor, ct);
        if (saved.Value is { } t) await audit.RecordAsync(actor, "template.restore", key, $"default text as v{t.Version}", ct);
        return saved;
    }

    /// <summary>Restoring an older version saves its text as a new version: history is never rewritten.</summary>
    public async Task<Outcome<EmailTemplate>> RestoreVersionAsync(string key, int version, string actor, CancellationToken ct)
    {
        var old = (await library.HistoryAsync(key, ct)).FirstOrDefault(t => t.Version == version);
        if (old is null) return Outcome<EmailTemplate>.NotFound($"Template '{key}' has no version {version}.");
        var saved = await store.SaveAsync(key, old.Subject, old.Body, actor, ct);
        if (saved.Value is { } t) await audit.RecordAsync(actor, "template.restore", key, $"v{version} as v{t.Version}", ct);
        return saved;
    }
}
