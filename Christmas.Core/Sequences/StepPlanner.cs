namespace Christmas.Core.Sequences;

/// <summary>Turns a definition, an anchor and a mode into the steps of a new sequence.</summary>
public static class StepPlanner
{
    /// <param name="websiteStatus">What the website reported for the emails it sent itself (assessment #1).</param>
    public static List<Step> Plan(SequenceDefinition definition, SequenceMode mode, DateTime anchor, DateTime now,
        TimeSpan overdueGrace, string? websiteStatus)
    {
        var steps = new List<Step>(definition.Steps.Count);
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
            steps.Add(now - due >= overdueGrace
                ? Step.Skipped(def, due, "overdue")
                : Step.Scheduled(def, due));
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
