using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Common;
using Christmas.Core.Templates;

namespace Christmas.Core.Campaign.Editing;

/// <summary>
/// The Sequences page's use cases around a <see cref="DraftWorkspace"/>: open the draft (else the published
/// definition), save it through <see cref="DraftEditor"/> (validated, audited) unless someone saved or published
/// since it was opened, discard it, and add a step whose template is first created as a copy of the last step's.
/// </summary>
public sealed class DraftWorkspaces(CampaignDefinitionStore store, DraftEditor drafts, TemplateStore templates, TemplateOperations operations)
{
    public async Task<DraftWorkspace> OpenAsync(CancellationToken ct)
    {
        var (document, origin) = await CurrentAsync(ct);
        return new DraftWorkspace(document, origin);
    }

    /// <summary>Throws away the workspace's edits for what is stored now (a colleague's newer draft, or the published definition).</summary>
    public async Task ReloadAsync(DraftWorkspace workspace, CancellationToken ct)
    {
        var (document, origin) = await CurrentAsync(ct);
        workspace.Reset(document, origin);
    }

    /// <summary>Saves the workspace as the shared draft; <paramref name="overwrite"/> saves over a newer save by someone else.</summary>
    public Task<WorkspaceSaveResult> SaveAsync(DraftWorkspace workspace, string actor, bool overwrite, CancellationToken ct)
    {
        if (workspace.InputErrors.Count > 0)
            return Task.FromResult(new WorkspaceSaveResult(false, workspace.InputErrors.Select(e => new DefinitionError(e.Key, e.Value)).ToList()));
        return SaveTextAsync(workspace, DefinitionWriter.ToJson(workspace.Document), DefinitionFormat.Json, actor, overwrite, ct);
    }

    /// <summary>Saves YAML typed on the YAML tab as the shared draft; errors carry their lines.</summary>
    public Task<WorkspaceSaveResult> SaveYamlAsync(DraftWorkspace workspace, string yaml, string actor, bool overwrite, CancellationToken ct) =>
        SaveTextAsync(workspace, yaml, DefinitionFormat.Yaml, actor, overwrite, ct);

    public async Task<bool> DiscardAsync(DraftWorkspace workspace, string actor, CancellationToken ct)
    {
        var discarded = await drafts.DiscardAsync(actor, ct);
        await ReloadAsync(workspace, ct);
        return discarded;
    }

    /// <summary>
    /// Adds a last step to <paramref name="sequence"/>. Its template is created first (validation wants every step's
    /// template to exist) under a new key (<c>assessment-6</c>), as a copy of the sequence's last template's text.
    /// </summary>
    public async Task<Outcome<StepSpec>> AddStepAsync(DraftWorkspace workspace, string sequence, string actor, CancellationToken ct)
    {
        if (workspace.Document.Sequence(sequence) is not { } spec) return Outcome<StepSpec>.NotFound($"There is no sequence '{sequence}'.");
        var key = await NewTemplateKeyAsync(workspace.Document, spec, ct);
        var (subject, body) = await LastTextAsync(spec, ct);
        var created = await operations.PutAsync(key, null, subject, body, actor, ct);
        if (created.Value is null) return Outcome<StepSpec>.Invalid($"The new step's template '{key}' could not be created: {created.Error}");
        return Outcome<StepSpec>.Ok(workspace.AddStep(sequence, key));
    }

    private async Task<WorkspaceSaveResult> SaveTextAsync(DraftWorkspace workspace, string text, DefinitionFormat format, string actor, bool overwrite, CancellationToken ct)
    {
        if (!overwrite && await ConflictAsync(workspace.Origin, ct) is { } conflict) return new WorkspaceSaveResult(false, [], conflict);
        var result = await drafts.SaveAsync(text, format, actor, ct);
        if (result.Draft is null) return new WorkspaceSaveResult(false, result.Errors);
        // Read back: the stored time (the database's precision) is what the next save compares with.
        await ReloadAsync(workspace, ct);
        return WorkspaceSaveResult.Done;
    }

    private async Task<DraftConflict?> ConflictAsync(DraftOrigin origin, CancellationToken ct)
    {
        if (await store.DraftAsync(ct) is { } draft)
            return draft.UpdatedAt == origin.DraftUpdatedAt && draft.UpdatedBy == origin.DraftUpdatedBy ? null : new DraftConflict(draft.UpdatedBy, draft.UpdatedAt);
        // No draft now: a publish since opening would be reverted by saving what was opened.
        var published = await store.PublishedAsync(ct);
        return published.Revision == origin.Revision || origin.IsDraft && published.Revision <= origin.Revision
            ? null
            : new DraftConflict(published.Summary.PublishedBy, published.Summary.PublishedAt, published.Revision);
    }

    private async Task<(CampaignDocument, DraftOrigin)> CurrentAsync(CancellationToken ct)
    {
        if (await store.DraftAsync(ct) is { } draft) return (draft.Document, new DraftOrigin(draft.BaseRevision, draft.UpdatedAt, draft.UpdatedBy));
        var published = await store.PublishedAsync(ct);
        return (published.Document, new DraftOrigin(published.Revision));
    }

    /// <summary><c>{sequence}-{n}</c> for the first n past the highest step number that no template and no step uses yet.</summary>
    private async Task<string> NewTemplateKeyAsync(CampaignDocument document, SequenceSpec sequence, CancellationToken ct)
    {
        var used = document.Sequences.SelectMany(s => s.Steps).Select(s => s.Template).ToHashSet(StringComparer.Ordinal);
        for (var n = sequence.Steps.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1; ; n++)
        {
            var key = $"{sequence.Name}-{n}";
            if (!used.Contains(key) && await templates.CurrentAsync(key, ct) is null) return key;
        }
    }

    /// <summary>The text of the last step that has a template of its own (the website sends assessment #1 itself).</summary>
    private async Task<(string Subject, string Body)> LastTextAsync(SequenceSpec sequence, CancellationToken ct)
    {
        foreach (var step in sequence.Steps.Reverse().Where(s => !s.SentByWebsite))
            if (await templates.CurrentAsync(step.Template, ct) is { } template) return (template.Subject, template.Body);
        return (sequence.Label, "Hi {{ first_name }},\n\nWrite this email here.\n");
    }
}
