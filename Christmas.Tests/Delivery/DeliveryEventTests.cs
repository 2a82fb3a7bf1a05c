using System.Net;
using System.Text.Json;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Delivery;

/// <summary>Resend's signed delivery events over real HTTP, applied to the steps they are about (Outbox sender, fake time, testing mode).</summary>
public abstract class DeliveryEventTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _email = $"d{Guid.NewGuid():N}@example.com";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync(new Dictionary<string, string?>
    {
        ["Campaign:TestingMode"] = "true",
        ["Resend:WebhookSecret"] = SignedEvents.Secret,
    }));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>An assessment whose email #2 has been sent (testing mode: one minute after the anchor); its provider id.</summary>
    private async Task<string> SentStepAsync()
    {
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), _email))).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var step = await Eventually.WaitAsync(() => StepAsync(2), s => s.Status == StepStatus.Sent, TimeSpan.FromSeconds(10), "email #2 sent");
        return step.ProviderMessageId!;
    }

    private Task<Step> StepAsync(int number) =>
        _app.WithDbAsync(db => db.Steps.SingleAsync(s => s.Sequence!.Contact!.Email == _email && s.Number == number));

    private Task<HttpResponseMessage> PostAsync(string body, string? svixId = null, DateTimeOffset? sentAt = null, string? signature = null, string? secret = null) =>
        _app.Anonymous.SendAsync(SignedEvents.Request(body, svixId ?? SignedEvents.NewId(), sentAt ?? _clock.GetUtcNow(), signature, secret));

    private Task<int> EventCountAsync() => _app.WithDbAsync(db => db.DeliveryEvents.CountAsync());

    private async Task<JsonElement> ContactAsync() => await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/contacts/{_email}"));

    private static JsonElement StepJson(JsonElement contact, int number) =>
        contact.GetProperty("sequences")[0].GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == number);

    private Task<JsonElement> WaitForDeliveryStatusAsync(int number, string status) => Eventually.WaitAsync(ContactAsync,
        c => StepJson(c, number).GetProperty("deliveryStatus").ValueKind == JsonValueKind.String
            && StepJson(c, number).GetProperty("deliveryStatus").GetString() == status,
        TimeSpan.FromSeconds(10), $"step #{number} deliveryStatus {status}");

    [Fact]
    public async Task AHardBounce_ShowsOnTheTimeline_SuppressesTheAddress_AndCancelsTheRemainingSends()
    {
        var emailId = await SentStepAsync();
        var bounce = SignedEvents.Body("email.bounced", emailId, _clock.GetUtcNow(),
            new { bounce = new { message = "550 5.1.1 mailbox does not exist", type = "Permanent", subType = "General" } });

        var answer = await PostAsync(bounce);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var contact = await WaitForDeliveryStatusAsync(2, "bounced");
        var events = StepJson(contact, 2).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["bounced"], events);
        contact = await Eventually.WaitAsync(ContactAsync, c => c.GetProperty("status").GetString() == "bounced", TimeSpan.FromSeconds(5), "contact bounced");
        var sequence = contact.GetProperty("sequences")[0];
        Assert.Equal(("cancelled", "bounced"), (sequence.GetProperty("status").GetString(), sequence.GetProperty("endedReason").GetString()));
        foreach (var n in new[] { 3, 4, 5 })
            Assert.Equal(("cancelled", "bounced"), (StepJson(contact, n).GetProperty("status").GetString(), StepJson(contact, n).GetProperty("lastError").GetString()));
        var listed = await _app.WithDbAsync(db => db.Suppressions.SingleAsync(s => s.Email == _email));
        Assert.Equal(("resend: email.bounced", "550 5.1.1 mailbox does not exist"), (listed.Source, listed.Detail));

        // Nothing more goes out, however long we wait.
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(1500);
        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == _email)));
    }

    [Fact]
    public async Task ASoftBounce_IsShown_ButSuppressesNothing()
    {
        var emailId = await SentStepAsync();
        (await PostAsync(SignedEvents.Body("email.bounced", emailId, _clock.GetUtcNow(),
            new { bounce = new { message = "mailbox full", type = "Transient", subType = "MailboxFull" } }))).EnsureSuccessStatusCode();

        var contact = await WaitForDeliveryStatusAsync(2, "bounced");
        Assert.Equal("active", contact.GetProperty("status").GetString());
        Assert.Equal("scheduled", StepJson(contact, 3).GetProperty("status").GetString());
        Assert.False(await _app.WithDbAsync(db => db.Suppressions.AnyAsync(s => s.Email == _email)));
    }

    [Theory]
    [InlineData("email.delivered", "delivered", false)]
    [InlineData("email.delivery_delayed", "delivery_delayed", false)]
    [InlineData("email.opened", "opened", false)]
    [InlineData("email.clicked", "clicked", false)]
    [InlineData("email.failed", "failed", false)]
    [InlineData("email.complained", "complained", true)]
    [InlineData("email.suppressed", "suppressed", true)]
    public async Task EveryEmailEventType_SetsItsStatus_AndComplaintsAndSuppressionsEndMailing(string type, string status, bool suppresses)
    {
        var emailId = await SentStepAsync();
        (await PostAsync(SignedEvents.Body(type, emailId, _clock.GetUtcNow()))).EnsureSuccessStatusCode();

        var contact = await WaitForDeliveryStatusAsync(2, status);
        Assert.Equal(status, StepJson(contact, 2).GetProperty("events")[0].GetProperty("type").GetString());
        if (suppresses) contact = await Eventually.WaitAsync(ContactAsync, c => c.GetProperty("status").GetString() != "active", TimeSpan.FromSeconds(5), "suppressed");
        Assert.Equal(suppresses, await _app.WithDbAsync(db => db.Suppressions.AnyAsync(s => s.Email == _email)));
        Assert.Equal(suppresses ? "cancelled" : "scheduled", StepJson(contact, 3).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheFurthestStatusWins_AndEveryEventIsOnTheTimelineInOrder()
    {
        var emailId = await SentStepAsync();
        var at = _clock.GetUtcNow();
        foreach (var (type, seconds) in new[] { ("email.sent", 0), ("email.delivered", 5), ("email.clicked", 30), ("email.opened", 20) })
            (await PostAsync(SignedEvents.Body(type, emailId, at.AddSeconds(seconds)))).EnsureSuccessStatusCode();

        await Eventually.WaitAsync(ContactAsync, c => StepJson(c, 2).GetProperty("events").GetArrayLength() == 4,
            TimeSpan.FromSeconds(10), "four events on step #2");
        // Read again: the page's steps and events are two reads, and the last batch may have committed between them.
        var contact = await ContactAsync();
        Assert.Equal("clicked", StepJson(contact, 2).GetProperty("deliveryStatus").GetString());
        Assert.Equal(["sent", "delivered", "opened", "clicked"],
            StepJson(contact, 2).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task AReplayedSvixId_IsRecordedAndAppliedOnce()
    {
        var emailId = await SentStepAsync();
        var body = SignedEvents.Body("email.opened", emailId, _clock.GetUtcNow());
        var id = SignedEvents.NewId();

        var first = await TestApp.JsonAsync(await PostAsync(body, id));
        var again = await PostAsync(body, id);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True((await TestApp.JsonAsync(again)).GetProperty("duplicate").GetBoolean());
        var contact = await WaitForDeliveryStatusAsync(2, "opened");
        Assert.Equal(1, StepJson(contact, 2).GetProperty("events").GetArrayLength());
        Assert.Equal(1, await EventCountAsync());
    }

    [Fact]
    public async Task AnEventForAnIdNoStepHasYet_Waits_AndIsAppliedWhenTheSendIsRecorded()
    {
        (await PostAsync(SignedEvents.Body("email.delivered", "not-yet-known", _clock.GetUtcNow()))).EnsureSuccessStatusCode();
        var waiting = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.DeliveryEvents.SingleAsync()),
            e => e.Attempts > 0, TimeSpan.FromSeconds(5), "the event tried once");
        Assert.Null(waiting.AppliedAt);
        Assert.Equal("waiting for a step with this email id", waiting.Outcome);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong-secret")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("tampered")]
    public async Task ABadSignature_Answers401_AndStoresNothing(string fault)
    {
        var body = SignedEvents.Body("email.bounced", "re_123", _clock.GetUtcNow(), new { bounce = new { type = "Permanent" } });
        var now = _clock.GetUtcNow();
        var request = fault switch
        {
            "wrong-secret" => SignedEvents.Request(body, SignedEvents.NewId(), now, secret: "whsec_" + Convert.ToBase64String(new byte[32])),
            "stale" => SignedEvents.Request(body, SignedEvents.NewId(), now.AddMinutes(-6)),
            "future" => SignedEvents.Request(body, SignedEvents.NewId(), now.AddMinutes(6)),
            "tampered" => Tampered(body, now),
            _ => new HttpRequestMessage(HttpMethod.Post, "/api/resend/webhooks") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") },
        };

        var answer = await _app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await EventCountAsync());
    }

    private static HttpRequestMessage Tampered(string body, DateTimeOffset now)
    {
        var id = SignedEvents.NewId();
        var signature = SignedEvents.Sign(SignedEvents.Secret, id, now.ToUnixTimeSeconds(), body);
        return SignedEvents.Request(body.Replace("Permanent", "Transient"), id, now, signature);
    }

    [Fact]
    public async Task ASignedBodyThatIsNotAnEvent_Answers400_AndStoresNothing()
    {
        var answer = await PostAsync("""{"hello": "world"}""");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("not json")).StatusCode);
        Assert.Equal(0, await EventCountAsync());
    }

    [Fact]
    public async Task NonEmailEvents_AreAcceptedAndClosed()
    {
        (await PostAsync("""{"type":"domain.updated","created_at":"2026-12-01T00:00:00Z","data":{"id":"d_1"}}""")).EnsureSuccessStatusCode();
        var e = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.DeliveryEvents.SingleAsync()), e => e.AppliedAt != null,
            TimeSpan.FromSeconds(5), "applied");
        Assert.Equal("ignored: domain.updated", e.Outcome);
    }
}

public sealed class DeliveryEventsOnSqlite() : DeliveryEventTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class DeliveryEventsOnPostgres(Fixtures.Postgres.PostgresServer postgres) : DeliveryEventTests(postgres);
