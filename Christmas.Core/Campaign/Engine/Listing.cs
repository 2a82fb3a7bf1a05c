using Christmas.Core.Suppressions;

namespace Christmas.Core.Campaign.Engine;

/// <summary>The address's entry on the suppression list: why and since when.</summary>
public readonly record struct Listing(SuppressionReason Reason, DateTime Since);
