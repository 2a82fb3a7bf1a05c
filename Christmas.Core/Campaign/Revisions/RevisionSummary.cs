namespace Christmas.Core.Campaign.Revisions;

/// <summary>One line of the revision history (<c>GET /api/campaign/revisions</c>).</summary>
public sealed record RevisionSummary(int Revision, DateTime PublishedAt, string PublishedBy, string Policy, string Summary)
{
    internal static RevisionSummary Of(CampaignRevision r) => new(r.Revision, r.PublishedAt, r.PublishedBy, r.Policy, r.Summary);
}
