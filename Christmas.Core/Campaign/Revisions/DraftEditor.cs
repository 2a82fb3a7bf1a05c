using Christmas.Core.Audit;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Persistence;
using Christmas.Core.Templates;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>Saving and discarding the shared draft: read (JSON or YAML), check against DESIGN's rules and the stored templates, save, audit.</summary>
public sealed class DraftEditor(CampaignDefinitionStore store, IDbContextFactory<CampaignDbContext> contexts, AuditLog audit)
{
    public async Task<DraftSaveResult> SaveAsync(string text, DefinitionFormat format, string actor, CancellationToken ct)
    {
        var parsed = DefinitionReader.Read(text, format);
        if (parsed.Document is not { } document) return new DraftSaveResult(null, parsed.Errors);
        var errors = parsed.WithLines(DefinitionValidator.Validate(document, (await TemplateKeysAsync(ct)).Contains));
        if (errors.Count > 0) return new DraftSaveResult(null, errors);

        var draft = await store.SaveDraftAsync(document, actor, ct);
        await audit.RecordAsync(actor, "campaign.draft.save", "campaign draft",
            $"Based on revision {draft.BaseRevision}: {document.Sequences.Count} sequences, {document.Handlers.Count} handlers ({format.ToString().ToLowerInvariant()}).", ct);
        return new DraftSaveResult(draft, []);
    }

    /// <summary>False when there was no draft.</summary>
    public async Task<bool> DiscardAsync(string actor, CancellationToken ct)
    {
        if (!await store.DeleteDraftAsync(ct)) return false;
        await audit.RecordAsync(actor, "campaign.draft.delete", "campaign draft", null, ct);
        return true;
    }

    private async Task<IReadOnlySet<string>> TemplateKeysAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await TemplateStore.KeysAsync(db, ct);
    }
}
