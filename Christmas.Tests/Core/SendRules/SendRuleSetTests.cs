using Christmas.Core.Campaign;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Core.SendRules;

/// <summary>Send windows in the contact's zone across daylight-saving nights, the minimum gap and the offer's end.</summary>
public sealed class SendRuleSetTests
{
    private static SendRuleSet Rules(string? quiet = "21:00-08:00", string zone = "UTC", TimeSpan? gap = null, DateTimeOffset? offerEnd = null) =>
        new(Options.Create(new CampaignOptions { QuietHours = quiet, DefaultTimeZone = zone, MinimumGap = gap, OfferEndsAt = offerEnd }));

    private static DateTime Utc(string text) => DateTimeOffset.Parse(text).UtcDateTime;
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Place(SendRuleSet rules, string due, string? zone = null) =>
        rules.Place(Utc(due), SequenceMode.Production, zone, [], LongAgo).SendAt;

    [Theory]
    // Toronto, spring forward 2026-03-08 02:00 -> 03:00 (EST -5 to EDT -4): a 23:30 EST step goes at 08:00 EDT.
    [InlineData("2026-03-07T23:30:00-05:00", "2026-03-08T08:00:00-04:00")]
    // Toronto, fall back 2026-11-01 02:00 -> 01:00 (EDT -4 to EST -5): a 22:00 EDT step goes at 08:00 EST.
    [InlineData("2026-10-31T22:00:00-04:00", "2026-11-01T08:00:00-05:00")]
    // Inside the window after midnight: moves to 08:00 the same day.
    [InlineData("2026-11-01T01:30:00-05:00", "2026-11-01T08:00:00-05:00")]
    // Outside the window: unchanged.
    [InlineData("2026-11-01T12:00:00-05:00", "2026-11-01T12:00:00-05:00")]
    public void Toronto_DaylightSavingNights(string due, string expected) =>
        Assert.Equal(Utc(expected), Place(Rules(), due, "America/Toronto"));

    [Theory]
    // Sydney, fall back 2026-04-05 03:00 -> 02:00 (AEDT +11 to AEST +10).
    [InlineData("2026-04-04T22:00:00+11:00", "2026-04-05T08:00:00+10:00")]
    // Sydney, spring forward 2026-10-04 02:00 -> 03:00 (AEST +10 to AEDT +11).
    [InlineData("2026-10-03T23:00:00+10:00", "2026-10-04T08:00:00+11:00")]
    public void Sydney_DaylightSavingNights(string due, string expected) =>
        Assert.Equal(Utc(expected), Place(Rules(), due, "Australia/Sydney"));

    [Fact]
    public void AWindowEndInsideTheSpringForwardGap_GoesWhenTheGapEnds()
    {
        // 02:30 does not exist in Toronto on 2026-03-08: the window ends when the clock jumps to 03:00 EDT.
        var rules = Rules("23:00-02:30");
        Assert.Equal(Utc("2026-03-08T03:00:00-04:00"), Place(rules, "2026-03-08T00:15:00-05:00", "America/Toronto"));
    }

    [Fact]
    public void AWindowEndShownTwiceOnTheFallBackNight_GoesAtItsFirstOccurrence()
    {
        // 01:30 happens twice in Toronto on 2026-11-01 (EDT, then EST): the window ends at the first.
        var rules = Rules("23:00-01:30");
        Assert.Equal(Utc("2026-11-01T01:30:00-04:00"), Place(rules, "2026-11-01T00:10:00-04:00", "America/Toronto"));
    }

    [Fact]
    public void ADaytimeWindow_ThatDoesNotWrap_AlsoMoves() =>
        Assert.Equal(Utc("2026-12-01T14:00:00Z"), Place(Rules("12:00-14:00"), "2026-12-01T12:30:00Z"));

    [Fact]
    public void TheDefaultZone_AppliesWhenTheContactNamedNone_OrAnUnknownOne()
    {
        var rules = Rules(zone: "America/Toronto");
        Assert.Equal(Utc("2026-12-02T08:00:00-05:00"), Place(rules, "2026-12-01T22:00:00-05:00"));
        Assert.Equal(Utc("2026-12-02T08:00:00-05:00"), Place(rules, "2026-12-01T22:00:00-05:00", "Not/AZone"));
        // The same instant is 04:00 in Europe/Paris: inside its night, to 08:00 Paris time.
        Assert.Equal(Utc("2026-12-02T08:00:00+01:00"), Place(rules, "2026-12-01T22:00:00-05:00", "Europe/Paris"));
    }

    [Fact]
    public void TestingMode_IgnoresWindowsAndGap()
    {
        var rules = Rules(gap: TimeSpan.FromHours(12));
        var due = Utc("2026-12-01T23:00:00Z");
        Assert.Equal((due, (string?)null), rules.Place(due, SequenceMode.Testing, null, [due], LongAgo));
    }

    [Fact]
    public void AnOverdueStepSentAtOnce_IsHeldUntilTheWindowEnds_WhenNowIsInsideIt()
    {
        var now = Utc("2026-12-01T23:00:00Z");
        var (sendAt, reason) = Rules().Place(Utc("2026-12-01T19:00:00Z"), SequenceMode.Production, null, [], now);
        Assert.Equal(Utc("2026-12-02T08:00:00Z"), sendAt);
        Assert.Equal("quiet hours 21:00-08:00 (UTC)", reason);
    }

    [Fact]
    public void TheMinimumGap_MovesAnEmailAfterTheOther_ThenTheWindowAgain()
    {
        var rules = Rules(gap: TimeSpan.FromHours(12));
        var other = Utc("2026-12-01T10:00:00Z");
        var (sendAt, reason) = rules.Place(Utc("2026-12-01T12:00:00Z"), SequenceMode.Production, null, [other], LongAgo);
        // 10:00 + 12 h = 22:00, inside the window: 08:00 the next day.
        Assert.Equal(Utc("2026-12-02T08:00:00Z"), sendAt);
        Assert.Equal("quiet hours 21:00-08:00 (UTC)", reason);

        var (noWindow, why) = Rules(quiet: null, gap: TimeSpan.FromHours(12)).Place(Utc("2026-12-01T12:00:00Z"), SequenceMode.Production, null, [other], LongAgo);
        Assert.Equal(Utc("2026-12-01T22:00:00Z"), noWindow);
        Assert.Equal("minimum gap 12:00:00 after another email at 2026-12-01 10:00 UTC", why);
    }

    [Theory]
    [InlineData("21:00-08:00", true)]
    [InlineData("9:00-17:00", false)]
    [InlineData("21:00-21:00", false)]
    [InlineData("21:00", false)]
    [InlineData("25:00-08:00", false)]
    public void QuietHours_Parse(string text, bool valid) => Assert.Equal(valid, QuietHours.TryParse(text, out _) is null);

    [Fact]
    public void OfferTerms_CountCalendarDaysInTheCampaignsZone()
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb["America/Toronto"];
        var end = Utc("2026-12-20T23:59:00-05:00");
        Assert.Equal(19, OfferTerms.DaysLeft(end, Utc("2026-12-01T09:00:00-05:00"), zone));
        Assert.Equal(0, OfferTerms.DaysLeft(end, Utc("2026-12-20T10:00:00-05:00"), zone));
        Assert.Equal(0, OfferTerms.DaysLeft(end, Utc("2026-12-21T10:00:00-05:00"), zone));
        Assert.Equal("December 20, 2026 at 11:59 PM", OfferTerms.EndsAtText(end, zone));
        Assert.Equal("December 20, 2026", OfferTerms.DeadlineText(end, zone));
    }
}
