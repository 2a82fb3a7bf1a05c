using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Delivery;

/// <summary>
/// Resend can post an event before its send's answer reaches us: the stand-in posts the signed event
/// to the app before it answers <c>POST /emails</c>, so the event is recorded before the step knows its id.
/// </summary>
public sealed class EarlyDeliveryEventTests : IAsyncLifetime
{
    private ResendStandIn _resend = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _resend = await ResendStandIn.StartAsync();
        _app = await TestApp.StartAsync(settings: _resend.SenderSettings(new Dictionary<string, string?>
        {
            ["Resend:WebhookSecret"] = SignedEvents.Secret,
        }));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _resend.DisposeAsync();
    }

    [Fact]
    public async Task AnEventThatArrivesBeforeItsSendIsRecorded_IsAppliedOnceTheStepHasItsId()
    {
        var recordedEarly = false;
        _resend.BeforeAnswering = async id =>
        {
            var body = SignedEvents.Body("email.delivered", id, DateTimeOffset.UtcNow);
            (await _app.Anonymous.SendAsync(SignedEvents.Request(body, SignedEvents.NewId(), DateTimeOffset.UtcNow))).EnsureSuccessStatusCode();
            recordedEarly = !await _app.WithDbAsync(db => db.Steps.AnyAsync(s => s.ProviderMessageId == id));
        };
        var email = $"e{Guid.NewGuid():N}@example.com";
        // Email #2 due a minute ago: sent at once.
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1), email))).EnsureSuccessStatusCode();

        var contact = await Eventually.WaitAsync(async () => await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/contacts/{email}")),
            c => Step2(c).GetProperty("deliveryStatus").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(15), "email #2 delivered");

        Assert.True(recordedEarly, "the event was recorded before the step had its provider id");
        Assert.Equal("sent", Step2(contact).GetProperty("status").GetString());
        Assert.Equal("delivered", Step2(contact).GetProperty("deliveryStatus").GetString());
        Assert.Equal(1, Step2(contact).GetProperty("events").GetArrayLength());
    }

    private static JsonElement Step2(JsonElement contact) =>
        contact.GetProperty("sequences")[0].GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == 2);
}
