using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>One active sequence as the planner sees it, in memory.</summary>
/// <param name="ZoneId">The contact's time zone (quiet hours); null: the default.</param>
/// <param name="OtherEmails">Send times of the contact's emails in its other sequences (the minimum gap).</param>
public sealed record ActiveSequence(Sequence Sequence, string? ZoneId, IReadOnlyList<DateTime> OtherEmails);
