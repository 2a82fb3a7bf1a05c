using System.Text.Json;
using Christmas.Core.Campaign;
using Christmas.Core.Campaign.Engine;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Suppressions;
using Christmas.Core.Webhooks;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Core.Campaign;

/// <summary>
/// The campaign's rules, once, without a host: what a call does to a contact, what it starts and ends, and
/// whether a due step goes. The ingest, the send job, the simulator and "what happens next" only load state
/// for these rules and store their answer, so each rule is tested here and not once per shell.
/// </summary>
public sealed class CampaignEngineTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static CampaignEngine Engine(DateTimeOffset? offerEnd = null, TimeSpan? gap = null) => new(
        new SendRuleSet(Options.Create(new CampaignOptions { OfferEndsAt = offerEnd, MinimumGap = gap })),
        new SegmentRule(new SegmentThresholds()), TimeSpan.FromHours(12));

    private static WebhookInput Call(string handler, object body)
    {
        var json = JsonSerializer.SerializeToElement(body);
        var result = new WebhookValidator().Validate(RevisionOne.Handler(handler), json, Now);
        return result.Input ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    private static WebhookInput Assessment(int red = 2, string? business = "Acme", DateTime? sentAt = null) => Call("assessment-handler", new
    {
        email = "ann@example.com", first_name = "Ann", business_name = business, red_systems = red, orange_systems = 1, yellow_systems = 1,
        green_systems = 6 - red, email_1_sent_at = (sentAt ?? Now).ToString("O"), email_1_status = "sent",
    });

    private static WebhookInput Noshow(string eventId = "evt_1") => Call("noshow-recovery-handler", new
    {
        email = "ann@example.com", first_name = "Annie", calendly_event_id = eventId, scheduled_time = Now.ToString("O"),
    });

    [Fact]
    public void ApplyCall_TheLatestCallWins_AFieldItLacksKeepsItsValue_AndAnAssessmentReplacesTheOldOneWhole()
    {
        var engine = Engine();
        var contact = new Contact("ann@example.com", "", Now);
        engine.ApplyCall(contact, Assessment(red: 3), created: true, listed: null, Now);
        Assert.Equal(("Ann", "Acme", 3, Segment.Critical), (contact.FirstName, contact.BusinessName, contact.RedSystems, contact.Segment));

        engine.ApplyCall(contact, Noshow(), created: false, listed: null, Now.AddHours(1));
        Assert.Equal(("Annie", "Acme", 3, Segment.Critical), (contact.FirstName, contact.BusinessName, contact.RedSystems, contact.Segment));

        engine.ApplyCall(contact, Assessment(red: 0), created: false, listed: null, Now.AddHours(2));
        Assert.Equal((0, Segment.Optimize), (contact.RedSystems, contact.Segment));
        Assert.Equal(ContactStatus.Active, contact.Status);
    }

    [Fact]
    public void ApplyCall_AContactCreatedWhileListed_StartsSuppressed_AnExistingOneKeepsItsStatus()
    {
        var engine = Engine();
        var listed = new Listing(SuppressionReason.Bounced, Now.AddDays(-3));
        var created = new Contact("ann@example.com", "", Now);
        engine.ApplyCall(created, Assessment(), created: true, listed, Now);
        Assert.Equal(ContactStatus.Bounced, created.Status);

        var existing = new Contact("ann@example.com", "", Now);
        engine.ApplyCall(existing, Assessment(), created: false, listed, Now);
        Assert.Equal(ContactStatus.Active, existing.Status);
    }

    [Fact]
    public void Start_PlansTheHandlersSequence_WithItsDedupeKey_AndTheWebsitesEmailRecorded()
    {
        var start = Engine().Start(RevisionOne.Campaign, Noshow("evt_9"), SequenceMode.Production, null, null, [], Now);
        var plan = Assert.IsType<SequencePlan>(start.Plan);
        Assert.Equal(("noshow", "noshow:evt_9"), (plan.Definition.Name, plan.DedupeKey));
        Assert.Equal([Now.AddMinutes(5), Now.AddHours(24), Now.AddHours(48)], plan.Steps.Select(s => s.DueAt));
        Assert.Null(start.NothingSent);

        var assessment = Engine().Start(RevisionOne.Campaign, Assessment(), SequenceMode.Production, null, null, [], Now).Plan!;
        Assert.Equal((StepStatus.Sent, SentBy.Website), (assessment.Steps[0].Status, assessment.Steps[0].SentBy));
    }

    [Fact]
    public void Start_StartsNothing_ForSignup_OrAPaymentThatIsNotPaid()
    {
        var engine = Engine();
        var signup = engine.Start(RevisionOne.Campaign, Call("signup-handler", new { email = "ann@example.com", first_name = "Ann", business_name = "Acme" }),
            SequenceMode.Production, null, null, [], Now);
        Assert.Equal((null, "Signup recorded; this handler sends no email."), (signup.Plan, signup.Info));

        var unpaid = Call("onboarding-handler", new
        {
            email = "ann@example.com", first_name = "Ann", business_name = "Acme", payment_status = "pending", payment_date = Now.ToString("O"),
        });
        Assert.Null(engine.Start(RevisionOne.Campaign, unpaid, SequenceMode.Production, null, null, [], Now).Plan);
    }

    [Fact]
    public void Start_ForAListedAddress_PlansEveryEmailSkipped_SoTheSequenceEndsSkipped_WithTheListingAsItsReason()
    {
        var listed = Engine().Start(RevisionOne.Campaign, Noshow(), SequenceMode.Production, new Listing(SuppressionReason.Unsubscribed, Now.AddDays(-1)), null, [], Now);

        var plan = Assert.IsType<SequencePlan>(listed.Plan);
        Assert.All(plan.Steps, s => Assert.Equal((StepStatus.Skipped, "suppressed (unsubscribed)"), (s.Status, s.LastError)));
        Assert.Equal("ann@example.com is on the suppression list (unsubscribed since 2026-12-06): no email will be sent; the sequence ends skipped.", listed.Warning);
        // The website's answer must not differ from any other call's: no "nothing sent" warning for it.
        Assert.Null(listed.NothingSent);
        var sequence = CampaignEngine.NewSequence(1, plan, Noshow(), SequenceMode.Production, Now, "x", 1);
        Assert.Equal((SequenceStatus.Skipped, "nothing sent: suppressed (unsubscribed)"), (sequence.Status, sequence.EndedReason));
    }

    [Fact]
    public void ACallThatWouldSend_Replaces_ASkippedSequence_ButNeverOneThatSentOrWasCancelled_AndAStaleRepeatReplacesNothing()
    {
        var engine = Engine();
        var fresh = engine.Start(RevisionOne.Campaign, Assessment(sentAt: Now.AddMinutes(-5)), SequenceMode.Production, null, null, [], Now).Plan!;
        var stale = engine.Start(RevisionOne.Campaign, Assessment(sentAt: Now.AddDays(-30)), SequenceMode.Production, null, null, [], Now).Plan!;

        Assert.True(CampaignEngine.Replaces(fresh, SequenceStatus.Skipped));
        Assert.False(CampaignEngine.Replaces(stale, SequenceStatus.Skipped));
        foreach (var other in new[] { SequenceStatus.Active, SequenceStatus.Completed, SequenceStatus.Cancelled })
            Assert.False(CampaignEngine.Replaces(fresh, other));
    }

    [Fact]
    public void Start_OfAStaleCall_PlansEveryEmailSkipped_AndSaysWhyNothingWillBeSent()
    {
        var start = Engine().Start(RevisionOne.Campaign, Assessment(sentAt: Now.AddDays(-30)), SequenceMode.Production, null, null, [], Now);
        Assert.All(start.Plan!.Steps.Skip(1), s => Assert.Equal((StepStatus.Skipped, "overdue"), (s.Status, s.LastError)));
        Assert.StartsWith("No email will be sent: every email is past Campaign:OverdueGrace (12 h)", start.NothingSent);
    }

    [Fact]
    public void Start_MovesAStepOffAnotherEmailOfTheContact_ByTheMinimumGap()
    {
        var engine = Engine(gap: TimeSpan.FromHours(2));
        Assert.True(engine.NeedsOtherEmails(Noshow(), created: false, SequenceMode.Production));
        Assert.False(engine.NeedsOtherEmails(Noshow(), created: true, SequenceMode.Production));
        Assert.False(engine.NeedsOtherEmails(Noshow(), created: false, SequenceMode.Testing));

        var plan = engine.Start(RevisionOne.Campaign, Noshow(), SequenceMode.Production, null, null, [Now], Now).Plan!;
        Assert.Equal(Now.AddHours(2), plan.Steps[0].SendAt);
        Assert.StartsWith("minimum gap", plan.Steps[0].SendAtReason);
    }

    [Fact]
    public void EndSuperseded_EndsTheActiveSequencesTheRulesName_AndCancelsTheirPendingEmails()
    {
        var engine = Engine();
        var noshow = CampaignEngine.NewSequence(1, engine.Start(RevisionOne.Campaign, Noshow("a"), SequenceMode.Production, null, null, [], Now).Plan!,
            Noshow("a"), SequenceMode.Production, Now, "e1", revision: 1);
        var done = CampaignEngine.NewSequence(1, engine.Start(RevisionOne.Campaign, Noshow("b"), SequenceMode.Production, null, null, [], Now).Plan!,
            Noshow("b"), SequenceMode.Production, Now, "e2", revision: 1);
        done.End("cancelled by an operator", Now);
        var assessment = CampaignEngine.NewSequence(1, engine.Start(RevisionOne.Campaign, Assessment(), SequenceMode.Production, null, null, [], Now).Plan!,
            Assessment(), SequenceMode.Production, Now, "e3", revision: 1);

        var ended = CampaignEngine.EndSuperseded(RevisionOne.Sequence("onboarding"), [noshow, done, assessment], Now.AddHours(1));

        var only = Assert.Single(ended);
        Assert.Same(noshow, only.Sequence);
        Assert.Equal("converted", only.Reason);
        Assert.Equal([1, 2, 3], only.CancelledSteps);
        Assert.All(noshow.Steps, s => Assert.Equal(StepStatus.Cancelled, s.Status));
        Assert.Equal(SequenceStatus.Active, assessment.Status);
        Assert.Equal("cancelled by an operator", done.EndedReason);
    }

    [Fact]
    public void BeforeSend_SkipsPastTheOffersEnd_CancelsForASuppressedContact_AndOtherwiseLetsItGo()
    {
        Sequence Fresh() => CampaignEngine.NewSequence(1, Engine().Start(RevisionOne.Campaign, Noshow(), SequenceMode.Production, null, null, [], Now).Plan!,
            Noshow(), SequenceMode.Production, Now, "e", revision: 1);
        var contact = new Contact("ann@example.com", "Ann", Now);

        var open = Fresh();
        Assert.Null(Engine().BeforeSend(contact, null, open, open.Steps[0], Now.AddMinutes(5)));
        Assert.Equal(StepStatus.Scheduled, open.Steps[0].Status);

        var late = Fresh();
        late.Steps[0].BeginSending(Now.AddMinutes(5));
        Assert.Equal(SendRuleSet.OfferEnded, Engine(offerEnd: Now).BeforeSend(contact, null, late, late.Steps[0], Now.AddMinutes(5))!.Reason);
        Assert.Equal(StepStatus.Skipped, late.Steps[0].Status);

        var gone = Fresh();
        gone.Steps[0].BeginSending(Now.AddMinutes(5));
        Assert.Equal("bounced", Engine().BeforeSend(contact, "bounced", gone, gone.Steps[0], Now.AddMinutes(5))!.Reason);
        Assert.Equal(StepStatus.Cancelled, gone.Steps[0].Status);
    }
}
