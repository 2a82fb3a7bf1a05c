using Christmas.Core.SendRules;

namespace Christmas.Core.Sequences;

/// <summary>Turns a definition, an anchor and a mode into the steps of a new sequence.</summary>
public static class StepPlanner
{
    /// <param name="websiteStatus">What the website reported for the emails it sent itself (assessment #1).</param>
    /// <param name="placement">Send rules (windows, gap, offer's end); null places every step at its due time.</param>
    public static List<Step> Plan(SequenceDefinition definition, SequenceMode mode, DateTime anchor, DateTime now,
        TimeSpan overdueGrace, string? websiteStatus, Placement? placement = null)
    {
        var steps = new List<Step>(definition.Steps.Count);
        var others = placement?.OtherEmails.ToList() ?? [];
        foreach (var def in definition.Steps)
        {
            if (def.SentByWebsite)
            {
                steps.Add(string.Equals(websiteStatus, "sent", StringComparison.OrdinalIgnoreCase)
                    ? Step.SentByWebsiteAt(def, anchor)
                    : Step.Skipped(def, anchor, $"website reported email_1_status '{websiteStatus}'"));
                continue;
            }
            var due = anchor + def.OffsetFor(mode);
            if (now - due >= overdueGrace)
            {
                steps.Add(Step.Skipped(def, due, "overdue"));
                continue;
            }
            if (placement is null)
            {
                steps.Add(Step.Scheduled(def, due));
                continue;
            }
            var (sendAt, reason) = placement.Rules.Place(due, mode, placement.ZoneId, others, now);
            // Decided at creation: nothing is planned past the offer's end (the send re-checks it).
            if (placement.Rules.IsPastOfferEnd(sendAt > now ? sendAt : now))
            {
                steps.Add(Step.Skipped(def, due, sendAt, SendRuleSet.OfferEnded));
                continue;
            }
            steps.Add(Step.Scheduled(def, due, sendAt, reason));
            others.Add(sendAt);
        }
        return steps;
    }

    /// <summary>
    /// New due times for pending steps in another mode: anchor + offset, shifted as a block so the
    /// first pending step is never in the past (switching an old sequence to testing mode must not
    /// fire all its emails at once, nor skip them).
    /// </summary>
    public static IReadOnlyList<DateTime> Reschedule(DateTime anchor, IReadOnlyList<TimeSpan> pendingOffsets, DateTime now)
    {
        if (pendingOffsets.Count == 0) return [];
        var first = anchor + pendingOffsets.Min();
        var shift = first < now ? now - first : TimeSpan.Zero;
        return pendingOffsets.Select(o => anchor + o + shift).ToList();
    }
}
