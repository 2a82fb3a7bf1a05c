using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.SendRules;

/// <summary>The dashboard's view of the offer's end: time left, and what the end cuts.</summary>
public sealed class OfferCountdown(IDbContextFactory<CampaignDbContext> contexts, SendRuleSet rules, TimeProvider time)
{
    /// <param name="ScheduledPastEnd">Scheduled emails whose send time is after the end: the send-time check will skip them.</param>
    /// <param name="SkippedOfferEnded">Emails already skipped with "offer ended".</param>
    public sealed record View(DateTime EndsAt, TimeSpan Left, int DaysLeft, int ScheduledPastEnd, int SkippedOfferEnded)
    {
        public bool Ended => Left <= TimeSpan.Zero;
    }

    /// <returns>Null when <c>Campaign:OfferEndsAt</c> is not set.</returns>
    public async Task<View?> ReadAsync(CancellationToken ct)
    {
        if (rules.OfferEndsAt is not { } end) return null;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Both ranges of the (Status, NotBefore) index's leading column; skipped steps are few.
        var cut = await db.Steps.CountAsync(s => s.Status == StepStatus.Scheduled && s.SendAt > end, ct);
        var skipped = await db.Steps.CountAsync(s => s.Status == StepStatus.Skipped && s.LastError == SendRuleSet.OfferEnded, ct);
        return new View(end, end - now, OfferTerms.DaysLeft(end, now, rules.DefaultZone), cut, skipped);
    }
}
