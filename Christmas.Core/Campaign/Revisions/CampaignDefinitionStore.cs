using Christmas.Core.Campaign.Definition;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>
/// The stored definitions: the published one (read once per revision and cached; each call costs only
/// a look at the highest revision number, so another instance's publish is seen at once), the history,
/// and the one shared draft. A publisher adds revision n + 1 next to these reads.
/// </summary>
public sealed class CampaignDefinitionStore(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    private PublishedDefinition? _published;

    public async Task<PublishedDefinition> PublishedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var latest = await db.CampaignRevisions.MaxAsync(r => (int?)r.Revision, ct)
            ?? throw new InvalidOperationException("No campaign revision is stored: the database was not initialised (RevisionOneSeeder).");
        if (_published is { } cached && cached.Revision == latest) return cached;
        var loaded = await LoadAsync(db, latest, ct) ?? throw new InvalidOperationException($"Revision {latest} vanished while being read.");
        _published = loaded;
        return loaded;
    }

    /// <summary>The number of the revision in force (0 before seeding).</summary>
    public async Task<int> LatestRevisionAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CampaignRevisions.MaxAsync(r => (int?)r.Revision, ct) ?? 0;
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.CampaignRevisions.AsNoTracking().OrderByDescending(r => r.Revision)
            .Select(r => new { r.Revision, r.PublishedAt, r.PublishedBy, r.Policy, r.Summary }).ToListAsync(ct);
        return rows.Select(r => new RevisionSummary(r.Revision, r.PublishedAt, r.PublishedBy, r.Policy, r.Summary)).ToList();
    }

    public async Task<PublishedDefinition?> RevisionAsync(int revision, CancellationToken ct)
    {
        if (_published is { } cached && cached.Revision == revision) return cached;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await LoadAsync(db, revision, ct);
    }

    public async Task<DraftDefinition?> DraftAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.CampaignDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == CampaignDraft.TheId, ct);
        return row is null ? null : new DraftDefinition(Parse(row.DocumentJson, "the draft"), row.UpdatedAt, row.UpdatedBy, row.BaseRevision);
    }

    /// <summary>Replaces the draft (it is shared: the last save wins); based on the revision in force now. The caller has validated it.</summary>
    public async Task<DraftDefinition> SaveDraftAsync(CampaignDocument document, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var baseRevision = await db.CampaignRevisions.MaxAsync(r => (int?)r.Revision, ct) ?? 0;
        var json = DefinitionWriter.ToJson(document);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.CampaignDrafts.FirstOrDefaultAsync(d => d.Id == CampaignDraft.TheId, ct);
        if (row is null) db.CampaignDrafts.Add(row = new CampaignDraft(json, now, actor, baseRevision));
        else row.Update(json, now, actor, baseRevision);
        await db.SaveChangesAsync(ct);
        return new DraftDefinition(document, now, actor, baseRevision);
    }

    /// <summary>False when there was no draft.</summary>
    public async Task<bool> DeleteDraftAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CampaignDrafts.Where(d => d.Id == CampaignDraft.TheId).ExecuteDeleteAsync(ct) > 0;
    }

    private static async Task<PublishedDefinition?> LoadAsync(CampaignDbContext db, int revision, CancellationToken ct)
    {
        var row = await db.CampaignRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Revision == revision, ct);
        return row is null ? null : new PublishedDefinition(row.Revision, Parse(row.DocumentJson, $"revision {revision}"), RevisionSummary.Of(row));
    }

    /// <summary>Stored documents were validated when saved; one that no longer reads is a bug, not a user error.</summary>
    private static CampaignDocument Parse(string json, string what)
    {
        var parsed = DefinitionReader.Read(json, DefinitionFormat.Json);
        return parsed.Document ?? throw new InvalidOperationException(
            $"The stored {what} does not read: {string.Join("; ", parsed.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
    }
}
