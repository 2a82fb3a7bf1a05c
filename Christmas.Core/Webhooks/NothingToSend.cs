using System.Globalization;
using Christmas.Core.Sequences;

namespace Christmas.Core.Webhooks;

/// <summary>
/// The WARN of a call whose new sequence sends nothing: a website on stale dates (the guide's own
/// examples carry 2025 dates) must hear why, not read a quiet 200.
/// </summary>
public static class NothingToSend
{
    /// <returns>Null when at least one of our emails is scheduled.</returns>
    public static string? Warning(IReadOnlyList<Step> steps, DateTime anchorUtc, DateTime now, TimeSpan overdueGrace, DateTime? offerEndsAt)
    {
        var ours = steps.Where(s => s.SentBy != SentBy.Website).ToList();
        if (ours.Count == 0 || ours.Any(s => s.Status == StepStatus.Scheduled)) return null;
        var reasons = ours.Select(s => s.LastError).Distinct().ToList();
        if (reasons is ["overdue"])
        {
            var days = (int)Math.Floor((now - anchorUtc).TotalDays);
            return $"No email will be sent: every email is past Campaign:OverdueGrace ({Duration(overdueGrace)}): " +
                $"the anchor {anchorUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is {days} days ago.";
        }
        if (reasons is [SendRules.SendRuleSet.OfferEnded] && offerEndsAt is { } end)
            return $"No email will be sent: the offer ended at {end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (Campaign:OfferEndsAt).";
        return "No email will be sent: " + string.Join("; ", ours.Select(s => $"#{s.Number} {s.LastError ?? s.Status.ToString().ToLowerInvariant()}")) + ".";
    }

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0
            ? $"{span.TotalHours.ToString(CultureInfo.InvariantCulture)} h"
            : span.ToString("c", CultureInfo.InvariantCulture);
}
