using Bunit;
using Christmas.Admin.Components.Pages.Outbox;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using MudBlazor;
using Payloads = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Admin.Components.Pages.Outbox;

public sealed class OutboxPageTests : AppComponentTest
{
    [Fact]
    public async Task Outbox_OpensTheNewestEmail_AndFiltersByRecipient()
    {
        // Day-old assessments: email #2 of each is due now and goes to the Outbox at once.
        await SendAsync("anna@example.com");
        await SendAsync("bert@example.com");

        var cut = Render<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=outbox-open]").Count));
        Assert.Equal("bert@example.com", cut.Find("[data-testid=outbox-to]").TextContent);
        var frame = cut.Find("[data-testid=outbox-html]");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("Hi Sarah", frame.GetAttribute("srcdoc"));

        var recipient = cut.FindComponent<MudTextField<string>>();
        await cut.InvokeAsync(() => recipient.Instance.ValueChanged.InvokeAsync("anna@example.com"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=outbox-open]")));
        cut.WaitForAssertion(() => Assert.Equal("anna@example.com", cut.Find("[data-testid=outbox-to]").TextContent));
    }

    [Fact]
    public void Outbox_SaysSo_WhenNoEmailWasStored()
    {
        var cut = Render<OutboxPage>();

        cut.WaitForAssertion(() => Assert.Contains("No emails in the Outbox", cut.Find("[data-testid=outbox-empty]").TextContent));
    }

    private async Task SendAsync(string email)
    {
        (await App.PostWebhookAsync("assessment-handler", Payloads.Assessment(DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-2), email)))
            .EnsureSuccessStatusCode();
        await Eventually.WaitAsync(
            async () => (await TestApp.JsonAsync(await App.Api.GetAsync($"/api/outbox?to={Uri.EscapeDataString(email)}"))).GetProperty("total").GetInt32(),
            total => total > 0, TimeSpan.FromSeconds(20), $"the email to {email} in the Outbox");
    }
}
