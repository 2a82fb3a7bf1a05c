using Christmas.Core.Contacts;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Templates;

/// <summary>Who gets which text of a step, counted by the rule the send uses.</summary>
public sealed class TemplateAudiencesTests(SegmentedContactsApp shared) : IClassFixture<SegmentedContactsApp>
{
    private TemplateAudiences Audiences => shared.App.Services.GetRequiredService<TemplateAudiences>();

    [Fact]
    public async Task ForFamilyAsync_CountsEachVariantsSegment_AndLeavesTheBaseToEveryoneElse()
    {
        var family = await Audiences.ForFamilyAsync("assessment-2", CancellationToken.None);

        Assert.Equal(["assessment-2", "assessment-2.critical", "assessment-2.urgent", "assessment-2.optimize"], family.Select(a => a.Key));
        Assert.Equal([0, 2, 1, 0], family.Select(a => a.Contacts));
        Assert.Equal([0, 2, 1, 0], family.Select(a => a.Pending));
        Assert.Equal("CRITICAL variant: contacts in segment CRITICAL (2 contacts)", family[1].Describe());
        Assert.Equal("Base text: everyone else - contacts without a segment (0 contacts)", family[0].Describe());
        Assert.Equal("2 contacts in CRITICAL get the CRITICAL variant (assessment-2.critical)", family[1].PendingWarning());
    }

    [Fact]
    public async Task ForFamilyAsync_OfAStepWithoutVariants_GivesEveryoneTheBase()
    {
        var family = await Audiences.ForFamilyAsync("noshow-1", CancellationToken.None);

        var only = Assert.Single(family);
        Assert.Equal(3, only.Contacts);
        Assert.Equal(0, only.Pending);
        Assert.Equal("Base text: everyone else - contacts without a segment or in CRITICAL, URGENT, OPTIMIZE (3 contacts)", only.Describe());
    }

    [Fact]
    public void SegmentVariants_KeyFor_PrefersTheSegmentsVariant_AndFallsBackToTheBase()
    {
        var keys = new HashSet<string> { "assessment-2", "assessment-2.critical" };

        Assert.Equal("assessment-2.critical", SegmentVariants.KeyFor("assessment-2", Segment.Critical, keys));
        Assert.Equal("assessment-2", SegmentVariants.KeyFor("assessment-2", Segment.Urgent, keys));
        Assert.Equal("assessment-2", SegmentVariants.KeyFor("assessment-2", null, keys));
    }
}
