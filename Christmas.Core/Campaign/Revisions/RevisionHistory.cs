using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>The console's Revisions page: the history, a comparison of any two, and a draft started from an old revision.</summary>
public sealed class RevisionHistory(CampaignDefinitionStore store, DraftEditor drafts)
{
    /// <summary>What a comparison may name besides a revision number: the shared draft.</summary>
    public const int Draft = 0;

    public Task<IReadOnlyList<RevisionSummary>> ListAsync(CancellationToken ct) => store.RevisionsAsync(ct);

    /// <returns>Null when either side does not exist (an unknown revision, or no draft).</returns>
    public async Task<RevisionDiff?> CompareAsync(int oldRevision, int newRevision, CancellationToken ct)
    {
        var (oldTitle, oldDocument) = await SideAsync(oldRevision, ct);
        var (newTitle, newDocument) = await SideAsync(newRevision, ct);
        if (oldDocument is null || newDocument is null) return null;
        return RevisionDiff.Of(oldTitle, Yaml(oldDocument), newTitle, Yaml(newDocument));
    }

    /// <summary>The revision's document becomes the shared draft (replacing any), checked like any draft save.</summary>
    public async Task<DraftSaveResult?> StartDraftFromAsync(int revision, string actor, CancellationToken ct)
    {
        if (await store.RevisionAsync(revision, ct) is not { } published) return null;
        return await drafts.SaveAsync(Yaml(published.Document), DefinitionFormat.Yaml, actor, ct);
    }

    private async Task<(string Title, CampaignDocument? Document)> SideAsync(int revision, CancellationToken ct) => revision == Draft
        ? ("Draft", (await store.DraftAsync(ct))?.Document)
        : ($"Revision {revision}", (await store.RevisionAsync(revision, ct))?.Document);

    private static string Yaml(CampaignDocument document) => DefinitionWriter.Write(document, DefinitionFormat.Yaml);
}
