using Christmas.Tests.Fixtures;
using Christmas.Core.Sequences;

namespace Christmas.Tests.Core.Sequences;

public class SequenceDefinitionTests
{

    [Fact]
    public void DedupeKey_IsOnePerContact_ForAssessmentAndOnboarding()
    {
        var fields = new Dictionary<string, string?> { ["calendly_event_id"] = "evt_1" };
        Assert.Equal("assessment", RevisionOne.Sequence("assessment").DedupeKey(fields));
        Assert.Equal("onboarding", RevisionOne.Sequence("onboarding").DedupeKey(fields));
    }

    [Fact]
    public void DedupeKey_IncludesTheCalendlyEvent_ForNoshow_AndTheCallDate_ForPostcall()
    {
        var noshow = RevisionOne.Sequence("noshow");
        Assert.NotEqual(noshow.DedupeKey(new Dictionary<string, string?> { ["calendly_event_id"] = "evt_1" }),
            noshow.DedupeKey(new Dictionary<string, string?> { ["calendly_event_id"] = "evt_2" }));
        var postcall = RevisionOne.Sequence("postcall");
        Assert.Equal("postcall:2025-12-08T15:00:00.0000000Z",
            postcall.DedupeKey(new Dictionary<string, string?> { ["call_date"] = "2025-12-08T15:00:00.0000000Z" }));
    }

    [Fact]
    public void ExitRules_OnboardingEndsNoshowAndPostcall_PostcallEndsNoshow()
    {
        Assert.Equal([("noshow", "converted"), ("postcall", "converted")],
            RevisionOne.Sequence("onboarding").Ends.Select(e => (e.Sequence, e.Reason)));
        Assert.Equal(["noshow"], RevisionOne.Sequence("postcall").Ends.Select(e => e.Sequence));
        Assert.Empty(RevisionOne.Sequence("assessment").Ends);
        Assert.Empty(RevisionOne.Sequence("noshow").Ends);
    }

    [Fact]
    public void Catalog_Has13ScheduledEmails_WithUniqueTemplateKeys()
    {
        var scheduled = RevisionOne.Campaign.Sequences.SelectMany(d => d.Steps).Where(s => !s.SentByWebsite).ToList();
        Assert.Equal(13, scheduled.Count);
        Assert.Equal(scheduled.Count, scheduled.Select(s => s.TemplateKey).Distinct().Count());
    }
}
