using Bunit;
using Christmas.Admin.Components.Pages.Dashboard;
using Christmas.Admin.Components.Pages.Funnel;
using Christmas.Core.SendRules;
using Christmas.Tests.Fixtures.Components;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Funnel;

public sealed class FunnelPageTests : AppComponentTest
{
    [Fact]
    public async Task TheFunnelPage_ShowsEachEmailsFigures_AndWhoWentOn()
    {
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        (await App.PostWebhookAsync("assessment-handler", Payloads.Assessment(sentAt, "anna@example.com"))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("assessment-handler", Payloads.Assessment(sentAt, "bert@example.com"))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("onboarding-handler", Payloads.Onboarding(DateTimeOffset.UtcNow, "bert@example.com"))).EnsureSuccessStatusCode();

        var cut = Render<FunnelPage>();

        cut.WaitForAssertion(() => Assert.Contains("2 contacts started the assessment sequence", cut.Find("[data-testid=funnel-contacts]").TextContent));
        Assert.Equal(["2", "0", "0", "0", "0"], cut.FindAll("[data-testid=funnel-sent]").Select(c => c.TextContent.Trim()));
        Assert.Contains(cut.FindAll("[data-testid=funnel-stage]"), s => s.TextContent.Contains("Paid: 1"));
        Assert.NotEmpty(cut.FindAll("svg"));
    }
}

public sealed class OfferCardTests : ConsoleComponentTest
{
    [Fact]
    public void TheCard_CountsDownAndSaysWhatTheEndCuts()
    {
        var view = new OfferCountdown.View(new DateTime(2026, 12, 20, 23, 59, 0, DateTimeKind.Utc), new TimeSpan(3, 5, 0, 0), 3, 12, 4);
        var card = Render<OfferCard>(p => p.Add(c => c.Offer, view));
        Assert.Equal("3 days 5 hours left", card.Find("[data-testid=offer-left]").TextContent.Trim());
        Assert.Contains("12 scheduled emails fall after the end", card.Find("[data-testid=offer-cut]").TextContent);
        Assert.Contains("4 already skipped", card.Find("[data-testid=offer-cut]").TextContent);

        var ended = Render<OfferCard>(p => p.Add(c => c.Offer, view with { Left = TimeSpan.FromHours(-1) }));
        Assert.Contains("has ended", ended.Find("[data-testid=offer-left]").TextContent);
    }
}
