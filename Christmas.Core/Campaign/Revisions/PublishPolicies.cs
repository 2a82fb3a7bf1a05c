namespace Christmas.Core.Campaign.Revisions;

/// <summary>What publishing does to sequences already running (DESIGN "Publishing").</summary>
public static class PublishPolicies
{
    /// <summary>Pending steps follow the new definition.</summary>
    public const string InFlight = "in-flight";
    /// <summary>Nothing in flight changes; sequences started afterwards follow the new revision.</summary>
    public const string NewOnly = "new-only";
}
