using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>A revision's document with its number and who published it.</summary>
public sealed record PublishedDefinition(int Revision, CampaignDocument Document, RevisionSummary Summary);
