using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// After a burst an hour's sends are more ids than SQLite takes parameters (32,766): the applier's look for
    /// waiting events of freshly sent steps failed on every round, and no early event was applied again.
    /// </summary>
    [Fact]
    public async Task AnEarlyEvent_IsStillApplied_AfterMoreSendsInTheHourThanSqliteTakesParameters()
    {
        var other = $"burst{Guid.NewGuid():N}@example.com";
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, other))).EnsureSuccessStatusCode();
        var sequenceId = await _app.WithDbAsync(db => db.Sequences.Where(q => q.Contact!.Email == other).Select(q => q.Id).SingleAsync());
        // A minute ahead: inside the applier's look-back however slowly this machine inserts the rows.
        var sentAt = DateTime.UtcNow.AddMinutes(1);
        await _app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
            INSERT INTO "Steps" ("SequenceId", "Number", "TemplateKey", "DueAt", "SendAt", "NotBefore", "Status", "SentAt", "ProviderMessageId",
                "Attempts", "SendGeneration", "ManualSend", "DeliveryFlags", "Version")
            SELECT {sequenceId}, 1000 + i, 'assessment-2', {sentAt}, {sentAt}, {sentAt}, 'Sent', {sentAt}, 'burst-' || i, 1, 0, 0, 0, 0 FROM n
            """));

        // An event that came before its send and waits for a retry, for one of those sends.
        var waiting = await _app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "DeliveryEvents" ("SvixId", "Type", "EmailId", "OccurredAt", "ReceivedAt", "PayloadJson", "Attempts", "RetryAt")
                VALUES ('msg_burst', 'email.delivered', 'burst-39999', {sentAt}, {sentAt}, {"{}"}, 1, {DateTime.UtcNow.AddMinutes(5)})
                """);
            return await db.DeliveryEvents.Where(e => e.SvixId == "msg_burst").Select(e => e.Id).SingleAsync();
        });

        await _app.Services.GetRequiredService<Christmas.Core.Delivery.Events.DeliveryEventApplier>().ApplyDueAsync(CancellationToken.None);

        var applied = await _app.WithDbAsync(db => db.DeliveryEvents.Where(e => e.Id == waiting).Select(e => e.AppliedAt).SingleAsync());
        Assert.NotNull(applied);
    }

    private static JsonElement Step2(JsonElement contact) =>
        contact.GetProperty("sequences")[0].GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == 2);
}
