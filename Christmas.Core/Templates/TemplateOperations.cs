using Christmas.Core.Audit;
using Christmas.Core.Common;

namespace Christmas.Core.Templates;

/// <summary>Operator actions on templates (save, restore), each a new version and an audit entry.</summary>
public sealed class TemplateOperations(TemplateStore store, TemplateLibrary library, AuditLog audit)
{
    public async Task<Outcome<EmailTemplate>> SaveAsync(string key, string subject, string body, string actor, CancellationToken ct)
    {
        if (library.SequenceOf(key) is null) return Outcome<EmailTemplate>.NotFound($"No step sends a template '{key}'.");
        var saved = await store.SaveAsync(key, subject, body, actor, ct);
        if (saved.Value is { } t) await audit.RecordAsync(actor, "template.save", key, $"v{t.Version}: {t.Subject}", ct);
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
