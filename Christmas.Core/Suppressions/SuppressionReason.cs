namespace Christmas.Core.Suppressions;

/// <summary>Why an address is on the suppression list (DESIGN.md: unsubscribed, bounced, complained, manual).</summary>
public enum SuppressionReason
{
    Unsubscribed,
    Bounced,
    Complained,
    Manual,
    /// <summary>The person asked to be erased: the entry's key is the address's keyed hash, never the address.</summary>
    Erased,
}
