using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Scheduling;

/// <summary>The campaign's send rules through the real webhook, scheduler and Outbox, on fake time.</summary>
public sealed class SendRulesJourneyTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _email = $"r{Guid.NewGuid():N}@example.com";
    private TestApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<TestApp> StartAsync(Dictionary<string, string?> settings) => _app = await TestApp.StartAsync(_clock, settings: settings);

    private Task<List<Step>> StepsAsync(string kind) => _app!.WithDbAsync(db => db.Steps
        .Where(s => s.Sequence!.Contact!.Email == _email && s.Sequence.Kind == kind).OrderBy(s => s.Number).ToListAsync());

    [Fact]
    public async Task TheOfferEnd_SkipsLaterEmailsAtCreation_AndTemplatesGetItsDate()
    {
        var now = _clock.GetUtcNow();
        await StartAsync(new() { ["Campaign:TestingMode"] = "true", ["Campaign:OfferEndsAt"] = now.AddSeconds(150).ToString("O") });
        var answer = await TestApp.JsonAsync(await _app!.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(now, _email)));

        var steps = await StepsAsync("assessment");
        Assert.Equal(["sent", "scheduled", "scheduled", "skipped", "skipped"], steps.Select(s => s.Status.ToString().ToLowerInvariant()));
        Assert.All(steps.Skip(3), s => Assert.Equal("offer ended", s.LastError));
        var logs = await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/v1/executions/{answer.GetProperty("id").GetString()}/logs"));
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("message").GetString()!.Contains("skipped: offer ended"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var sent = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == _email).ToListAsync()),
            m => m.Count == 1, TimeSpan.FromSeconds(10), "email #2 in the outbox");
        using var vars = JsonDocument.Parse(sent[0].VariablesJson);
        Assert.False(string.IsNullOrEmpty(vars.RootElement.GetProperty("offer_ends_at").GetString()));
        Assert.Contains(vars.RootElement.GetProperty("days_left").GetString(), new[] { "0", "1" });
    }

    [Fact]
    public async Task AStepDueAfterTheOfferEnded_IsSkippedAtSendTime_AndNothingGoesOut()
    {
        var now = _clock.GetUtcNow();
        await StartAsync(new() { ["Campaign:TestingMode"] = "true", ["Campaign:OfferEndsAt"] = now.AddSeconds(90).ToString("O") });
        (await _app!.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(now, _email))).EnsureSuccessStatusCode();
        Assert.Equal(StepStatus.Scheduled, (await StepsAsync("assessment"))[1].Status);

        // The scheduler was away past the end (a pause, a restart): email #2 is due, the offer is over.
        _clock.SetUtcNow(now.AddSeconds(100));
        var step = await Eventually.WaitAsync(async () => (await StepsAsync("assessment"))[1], s => s.Status is not (StepStatus.Scheduled or StepStatus.Sending),
            TimeSpan.FromSeconds(10), "email #2 handled");

        Assert.Equal((StepStatus.Skipped, "offer ended"), (step.Status, step.LastError));
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == _email)));
    }

    [Fact]
    public async Task TheMinimumGap_MovesTheSecondSequencesEmails_AndTheApiSaysWhy()
    {
        var now = _clock.GetUtcNow();
        await StartAsync(new() { ["Campaign:MinimumGap"] = "12:00:00" });
        (await _app!.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(now, _email))).EnsureSuccessStatusCode();
        (await _app.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(now, _email))).EnsureSuccessStatusCode();

        var noshow = await StepsAsync("noshow");
        var anchor = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime;
        // #1 (+5 min) is within 12 h of assessment #1 (sent at the anchor); #2 (+24 h) of assessment #2 (+24 h).
        Assert.Equal([anchor.AddHours(12), anchor.AddHours(36), anchor.AddHours(48)], noshow.Select(s => s.SendAt));
        Assert.Equal([anchor.AddMinutes(5), anchor.AddHours(24), anchor.AddHours(48)], noshow.Select(s => s.DueAt));
        Assert.Null(noshow[2].SendAtReason);

        var contact = await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/contacts/{_email}"));
        var step = contact.GetProperty("sequences")[1].GetProperty("steps")[1];
        Assert.StartsWith("minimum gap 12:00:00 after another email at", step.GetProperty("sendAtReason").GetString());
        Assert.NotEqual(step.GetProperty("dueAt").GetDateTime(), step.GetProperty("sendAt").GetDateTime());
        // Every pair of the contact's emails is at least 12 h apart.
        var all = (await StepsAsync("assessment")).Concat(noshow).Select(s => s.SentAt ?? s.SendAt).Order().ToList();
        Assert.All(all.Zip(all.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromHours(12), $"{p.First:O} and {p.Second:O}"));
    }

    [Fact]
    public async Task QuietHours_InTheZoneTheWebhookNames_MoveTheEmail_AndAnUnknownZoneIsAWarning()
    {
        // 03:00 UTC is 22:00 in Toronto (EST): inside 21:00-08:00 there, so email #2 goes at 08:00 Toronto time.
        var anchor = new DateTimeOffset(2027, 1, 5, 3, 0, 0, TimeSpan.Zero);
        _clock.SetUtcNow(anchor.AddMinutes(1));
        await StartAsync(new() { ["Campaign:QuietHours"] = "21:00-08:00" });
        var body = Fixtures.Webhooks.Assessment(anchor, _email);
        body["timezone"] = "America/Toronto";
        (await _app!.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();

        var step = (await StepsAsync("assessment"))[1];
        Assert.Equal(new DateTime(2027, 1, 6, 13, 0, 0, DateTimeKind.Utc), step.SendAt);
        Assert.Equal("quiet hours 21:00-08:00 (America/Toronto)", step.SendAtReason);
        var contact = await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/contacts/{_email}"));
        Assert.Equal("America/Toronto", contact.GetProperty("timeZone").GetString());

        var other = Fixtures.Webhooks.Signup(_email);
        other["timezone"] = "Mars/Olympus_Mons";
        var answer = await TestApp.JsonAsync(await _app.PostWebhookAsync("signup-handler", other));
        Assert.Contains(answer.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("timezone is not an IANA time zone name"));
        contact = await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/contacts/{_email}"));
        Assert.Equal("America/Toronto", contact.GetProperty("timeZone").GetString());
    }
}
