using System.Globalization;
using Christmas.Core.Campaign;
using Christmas.Core.Sequences;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Christmas.Core.SendRules;

/// <summary>
/// The campaign's send rules, read from <c>Campaign:*</c>: the quiet window in the contact's zone, the
/// minimum gap between a contact's emails, and the offer's end. Pure: the webhook, the console's dry
/// run and the reschedule all place steps through it.
/// </summary>
public sealed class SendRuleSet
{
    public const string OfferEnded = "offer ended";

    public SendRuleSet(IOptions<CampaignOptions> options)
    {
        var o = options.Value;
        if (o.QuietHours is { Length: > 0 } text && QuietHours.TryParse(text, out var window) is null) Quiet = window;
        DefaultZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.DefaultTimeZone) ?? DateTimeZone.Utc;
        OfferEndsAt = o.OfferEndsAt?.UtcDateTime;
        MinimumGap = o.MinimumGap is { } gap && gap > TimeSpan.Zero ? gap : null;
    }

    public QuietHours? Quiet { get; }
    public DateTimeZone DefaultZone { get; }
    public DateTime? OfferEndsAt { get; }
    public TimeSpan? MinimumGap { get; }

    /// <summary>The contact's zone when it named a known one, else <c>Campaign:DefaultTimeZone</c>.</summary>
    public DateTimeZone ZoneFor(string? id) => id is null ? DefaultZone : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? DefaultZone;

    public bool IsPastOfferEnd(DateTime utc) => OfferEndsAt is { } end && utc > end;

    /// <summary>
    /// When a step due at <paramref name="due"/> goes, and why it moved. Testing mode moves nothing
    /// (minutes apart by design). In production a time inside the quiet window moves to its end, and a
    /// time closer than the minimum gap to another of the contact's emails moves to that email plus the
    /// gap; both apply again until neither moves it.
    /// </summary>
    /// <param name="others">Send times of the contact's other emails (sent, scheduled, and this sequence's earlier steps).</param>
    public (DateTime SendAt, string? Reason) Place(DateTime due, SequenceMode mode, string? zoneId, IReadOnlyCollection<DateTime> others, DateTime now)
    {
        if (mode == SequenceMode.Testing) return (due, null);
        var zone = ZoneFor(zoneId);
        var at = due;
        string? reason = null;
        for (var round = 0; round < 50; round++)
        {
            // The window is checked at the real send moment: an overdue step sent "at once" must not go at 3 a.m.
            if (Quiet?.EndIfInside(at > now ? at : now, zone) is { } end)
            {
                at = end;
                reason = $"quiet hours {Quiet} ({zone.Id})";
            }
            if (MinimumGap is not { } gap) break;
            var near = others.Where(o => (o - at).Duration() < gap).Select(o => (DateTime?)o).Max();
            if (near is null) break;
            at = near.Value + gap;
            reason = $"minimum gap {gap.ToString("c", CultureInfo.InvariantCulture)} after another email at {near.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        }
        return (at, reason);
    }
}
