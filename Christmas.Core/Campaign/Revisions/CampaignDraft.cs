namespace Christmas.Core.Campaign.Revisions;

/// <summary>The one shared draft (a single row, <see cref="TheId"/>): the next revision being edited.</summary>
public sealed class CampaignDraft
{
    public const int TheId = 1;

    public int Id { get; private set; } = TheId;
    public string DocumentJson { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    /// <summary>The revision in force when the draft was saved; publish compares it (409 when another was published since).</summary>
    public int BaseRevision { get; private set; }

    private CampaignDraft() { }

    public CampaignDraft(string documentJson, DateTime now, string actor, int baseRevision) => Update(documentJson, now, actor, baseRevision);

    public void Update(string documentJson, DateTime now, string actor, int baseRevision)
    {
        DocumentJson = documentJson;
        UpdatedAt = now;
        UpdatedBy = actor;
        BaseRevision = baseRevision;
    }
}
