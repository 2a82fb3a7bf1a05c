using Christmas.Core.Campaign;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Core.SendRules;

/// <summary>The send-time checks the send job and "what happens next" share, in their order.</summary>
public sealed class SendGateTests
{
    private static readonly DateTime Now = new(2026, 12, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly StepDefinition Second = new(2, "assessment-2", TimeSpan.FromHours(24), TimeSpan.FromMinutes(1));

    private static SendRuleSet Rules(DateTimeOffset? offerEnd = null) => new(Options.Create(new CampaignOptions { OfferEndsAt = offerEnd }));

    private static (Contact, Sequence, Step) Scheduled()
    {
        var step = Step.Scheduled(Second, Now);
        var sequence = new Sequence(1, "assessment", SequenceMode.Production, "assessment", Now.AddHours(-24), Now.AddHours(-24), "{}", "x", [step]);
        return (new Contact("ann@example.com", "Ann", Now), sequence, step);
    }

    [Fact]
    public void Check_LetsAStepGo_WhenNothingStopsIt()
    {
        var (contact, sequence, step) = Scheduled();
        Assert.Null(SendGate.Check(Rules(), contact, null, sequence, step, Now));
    }

    [Fact]
    public void Check_CancelsForTheContactsStatus_BeforeTheListsReason()
    {
        var (contact, sequence, step) = Scheduled();
        contact.Suppress(ContactStatus.Bounced, Now);
        Assert.Equal(new SendStop("contact is bounced", Skip: false), SendGate.Check(Rules(), contact, "unsubscribed", sequence, step, Now));
    }

    [Fact]
    public void Check_CancelsForTheSuppressionList_ThenForAnEndedSequence_UnlessAnOperatorResent()
    {
        var (contact, sequence, step) = Scheduled();
        Assert.Equal(new SendStop("bounced", Skip: false), SendGate.Check(Rules(), contact, "bounced", sequence, step, Now));

        sequence.End("converted", Now);
        step.RequestResend(Now);
        Assert.Null(SendGate.Check(Rules(), contact, null, sequence, step, Now));
        var (_, ended, pending) = Scheduled();
        ended.End("converted", Now);
        // End() cancels scheduled steps; a step still scheduled in an ended sequence (a race) is what the check catches.
        Assert.Equal(new SendStop("sequence is cancelled", Skip: false), SendGate.Check(Rules(), contact, null, ended, Step.Scheduled(Second, Now), Now));
        Assert.Equal(StepStatus.Cancelled, pending.Status);
    }

    [Fact]
    public void Check_SkipsAfterTheOffersEnd_AtTheMomentTheStepGoes()
    {
        var (contact, sequence, step) = Scheduled();
        var rules = Rules(new DateTimeOffset(Now.AddHours(1)));
        Assert.Null(SendGate.Check(rules, contact, null, sequence, step, Now));
        Assert.Equal(new SendStop(SendRuleSet.OfferEnded, Skip: true), SendGate.Check(rules, contact, null, sequence, step, Now.AddHours(2)));
    }
}
