using Bunit;
using Christmas.Admin.Components.Pages.Contacts;
using Christmas.Core.Campaign;
using Christmas.Core.Contacts;
using Christmas.Core.SendRules;
using Christmas.Tests.Fixtures.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Admin.Components.Pages.Contacts;

/// <summary>The contact page's "Next" section: time in the campaign's zone, subject, sequence, and the skip reason highlighted.</summary>
public sealed class NextSendsCardTests : ConsoleComponentTest
{
    public NextSendsCardTests() =>
        Services.AddSingleton(new SendRuleSet(Options.Create(new CampaignOptions { DefaultTimeZone = "America/Toronto" })));

    [Fact]
    public void NextSends_ShowTheTimeInTheCampaignsZone_TheSubjectAndSequence_AndHighlightWhatWouldStopOne()
    {
        var at = new DateTime(2027, 1, 6, 13, 0, 0, DateTimeKind.Utc);
        IReadOnlyList<NextSend> upcoming =
        [
            new(11, "assessment", 2, at, "assessment-2", "Sarah, the costly mistake", null),
            new(12, "assessment", 3, at.AddDays(2), "assessment-3", "How Mike's plumbing turned it around", "offer ended"),
        ];

        var card = Render<NextSendsCard>(p => p.Add(c => c.Upcoming, upcoming));

        var rows = card.FindAll("[data-testid=next-send]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Goes out (America/Toronto)", card.Find("thead").TextContent);
        // 13:00 UTC is 08:00 in Toronto.
        var when = rows[0].QuerySelector("[data-testid=next-when]")!.TextContent.Trim();
        Assert.EndsWith("08:00", when);
        Assert.Contains("6 Jan 2027, 13:00", rows[0].QuerySelector("[data-testid=next-when]")!.GetAttribute("title"));
        Assert.Equal("Sarah, the costly mistake", rows[0].QuerySelector("[data-testid=next-subject]")!.TextContent.Trim());
        Assert.Contains("Assessment #2", rows[0].QuerySelector("[data-testid=next-sequence]")!.TextContent);
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=next-skip-reason]"));
        Assert.Equal("yes", rows[1].GetAttribute("data-skip"));
        Assert.Equal("offer ended", rows[1].QuerySelector("[data-testid=next-skip-reason]")!.TextContent.Trim());
    }

    [Fact]
    public void NextSends_SayNothingIsScheduled_WhenThereIsNothing()
    {
        var card = Render<NextSendsCard>(p => p.Add(c => c.Upcoming, Array.Empty<NextSend>()));

        Assert.NotNull(card.Find("[data-testid=next-empty]"));
        Assert.Empty(card.FindAll("[data-testid=next-send]"));
    }
}
