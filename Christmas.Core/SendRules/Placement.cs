namespace Christmas.Core.SendRules;

/// <summary>What placing a new sequence's steps needs: the rules, the contact's zone, and its other emails' send times.</summary>
public sealed record Placement(SendRuleSet Rules, string? ZoneId, IReadOnlyList<DateTime> OtherEmails);
