using Christmas.Core.Sequences;

namespace Christmas.Tests.Core.Sequences;

public class SequenceDefinitionTests
{
    private readonly SequenceCatalog _catalog = new();

    [Fact]
    public void DedupeKey_IsOnePerContact_ForAssessmentAndOnboarding()
    {
        var fields = new Dictionary<string, string?> { ["calendly_event_id"] = "evt_1" };
        Assert.Equal("assessment", _catalog.Get(SequenceKind.Assessment).DedupeKey(fields));
        Assert.Equal("onboarding", _catalog.Get(SequenceKind.Onboarding).DedupeKey(fields));
    }

    [Fact]
    public void DedupeKey_IncludesTheCalendlyEvent_ForNoshow_AndTheCallDate_ForPostcall()
    {
        var noshow = _catalog.Get(SequenceKind.Noshow);
        Assert.NotEqual(noshow.DedupeKey(new Dictionary<string, string?> { ["calendly_event_id"] = "evt_1" }),
            noshow.DedupeKey(new Dictionary<string, string?> { ["calendly_event_id"] = "evt_2" }));
        var postcall = _catalog.Get(SequenceKind.Postcall);
        Assert.Equal("postcall:2025-12-08T15:00:00.0000000Z",
            postcall.DedupeKey(new Dictionary<string, string?> { ["call_date"] = "2025-12-08T15:00:00.0000000Z" }));
    }

    [Fact]
    public void ExitRules_OnboardingEndsNoshowAndPostcall_PostcallEndsNoshow()
    {
        Assert.Equal([(SequenceKind.Noshow, "converted"), (SequenceKind.Postcall, "converted")],
            _catalog.Get(SequenceKind.Onboarding).Ends.Select(e => (e.Kind, e.Reason)));
        Assert.Equal([SequenceKind.Noshow], _catalog.Get(SequenceKind.Postcall).Ends.Select(e => e.Kind));
        Assert.Empty(_catalog.Get(SequenceKind.Assessment).Ends);
        Assert.Empty(_catalog.Get(SequenceKind.Noshow).Ends);
    }

    [Fact]
    public void Catalog_Has13ScheduledEmails_WithUniqueTemplateKeys()
    {
        var scheduled = _catalog.All.SelectMany(d => d.Steps).Where(s => !s.SentByWebsite).ToList();
        Assert.Equal(13, scheduled.Count);
        Assert.Equal(scheduled.Count, scheduled.Select(s => s.TemplateKey).Distinct().Count());
    }
}
