namespace Christmas.Core.Suppressions;

/// <summary>Why an address is on the suppression list (DESIGN.md: unsubscribed, bounced, complained, manual).</summary>
public enum SuppressionReason
{
    Unsubscribed,
    Bounced,
    Complained,
    Manual,
}
