using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Browser;
using Microsoft.Playwright;

namespace Christmas.Tests.EndToEnd;

/// <summary>In Production, Settings names each handler still on the guide's public key and how to give it its own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicKeysJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["Webhooks:Keys:signup-handler"] = "a-private-signup-key-0123456789",
        ["Webhooks:Keys:assessment-handler"] = "a-private-assessment-key-0123456789",
    };

    [Fact]
    public async Task Settings_NamesEachHandlerOnAPublicKey_AndTheKeyToSet_WhileTheirWebhooksStillWork()
    {
        await using var console = await OpenConsoleAsync();
        await console.SignInAsync();
        await console.GotoAsync("/settings");

        var banner = console.Page.Locator("[data-testid=public-keys-banner]");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(console.Page.Locator("[data-testid=public-key-handler]")).ToHaveCountAsync(3);
        await Assertions.Expect(banner).ToContainTextAsync("Webhooks:Keys:noshow-recovery-handler");
        await Assertions.Expect(banner).ToContainTextAsync("Webhooks:Keys:postcall-maybe-handler");
        await Assertions.Expect(banner).ToContainTextAsync("Webhooks:Keys:onboarding-handler");
        Assert.DoesNotContain("signup-handler", await banner.InnerTextAsync());
        await console.ScreenshotAsync("71-settings-public-keys");

        var call = await App.PostWebhookAsync("noshow-recovery-handler", Webhooks.Noshow(DateTimeOffset.UtcNow.AddHours(-1), "keys@example.com"));
        Assert.True(call.IsSuccessStatusCode, $"{(int)call.StatusCode}");
    }
}
