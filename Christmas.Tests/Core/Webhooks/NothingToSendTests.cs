using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Webhooks;

namespace Christmas.Tests.Core.Webhooks;

/// <summary>The WARN a call gets when its new sequence will send nothing, and why.</summary>
public sealed class NothingToSendTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(12);
    private static StepDefinition Def(int n, bool website = false) => new(n, $"noshow-{n}", TimeSpan.FromHours(n), TimeSpan.FromMinutes(n), website);

    [Fact]
    public void EveryEmailOverdue_NamesTheGraceAndHowOldTheAnchorIs()
    {
        var anchor = new DateTime(2025, 12, 10, 9, 0, 0, DateTimeKind.Utc);
        List<Step> steps = [Step.SentByWebsiteAt(Def(1, website: true), anchor), Step.Skipped(Def(2), anchor, "overdue"), Step.Skipped(Def(3), anchor, "overdue")];
        Assert.Equal("No email will be sent: every email is past Campaign:OverdueGrace (12 h): the anchor 2025-12-10 is 362 days ago.",
            NothingToSend.Warning(steps, anchor, Now, Grace, offerEndsAt: null));
    }

    [Fact]
    public void AnOfferAlreadyOver_NamesItsEnd()
    {
        var end = new DateTime(2026, 12, 6, 23, 59, 0, DateTimeKind.Utc);
        List<Step> steps = [Step.Skipped(Def(1), Now, SendRuleSet.OfferEnded), Step.Skipped(Def(2), Now, SendRuleSet.OfferEnded)];
        Assert.Equal("No email will be sent: the offer ended at 2026-12-06 23:59 UTC (Campaign:OfferEndsAt).",
            NothingToSend.Warning(steps, Now, Now, Grace, end));
    }

    [Fact]
    public void MixedReasons_AreListedPerEmail()
    {
        List<Step> steps = [Step.Skipped(Def(1), Now, "overdue"), Step.Skipped(Def(2), Now, SendRuleSet.OfferEnded)];
        Assert.Equal("No email will be sent: #1 overdue; #2 offer ended.", NothingToSend.Warning(steps, Now, Now, Grace, Now));
    }

    [Fact]
    public void OneEmailStillScheduled_GivesNoWarning()
    {
        List<Step> steps = [Step.Skipped(Def(1), Now, "overdue"), Step.Scheduled(Def(2), Now.AddHours(1))];
        Assert.Null(NothingToSend.Warning(steps, Now, Now, Grace, null));
    }
}
