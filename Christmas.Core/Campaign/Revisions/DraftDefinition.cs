using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>The shared draft: its document, who saved it last, and the revision it was based on.</summary>
public sealed record DraftDefinition(CampaignDocument Document, DateTime UpdatedAt, string UpdatedBy, int BaseRevision);
