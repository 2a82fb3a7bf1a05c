using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Common;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Core.Simulation;

/// <summary>
/// The simulator against the real app: the same webhook calls are simulated, then posted to the app on fake
/// time while its dispatcher, Hangfire and the Outbox send; what was sent must be what was simulated.
/// </summary>
public sealed class CampaignSimulatorTests : IAsyncDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private FakeTimeProvider _clock = null!;
    private TestApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private string Email(string who) => $"{who}-{_run}@example.com";

    /// <summary>One webhook call of a scenario: its handler, its body and when it happens (from the start).</summary>
    private sealed record Call(string Handler, Dictionary<string, object?> Body, TimeSpan At);

    [Fact]
    public async Task TheSimulatorSendsWhatTheScheduler_Sends_WithQuietHoursAGapAnExitAndASuppressedContact()
    {
        // 03:30 UTC is 22:30 in Toronto: inside 21:00-08:00 there, and inside it in UTC too (the other contacts' zone).
        var start = new DateTimeOffset(2027, 1, 4, 3, 30, 0, TimeSpan.Zero);
        await StartAsync(start, new() { ["Campaign:QuietHours"] = "21:00-08:00", ["Campaign:MinimumGap"] = "12:00:00" });
        var (ann, bob, cat) = (Email("ann"), Email("bob"), Email("cat"));
        (await _app!.Api.PostAsJsonAsync("/api/suppressions", new { email = cat, reason = "manual" })).EnsureSuccessStatusCode();

        var assessment = Fixtures.Webhooks.Assessment(start.AddMinutes(-30), ann);
        assessment["timezone"] = "America/Toronto";
        Call[] calls =
        [
            new("assessment-handler", assessment, TimeSpan.Zero),
            // The first no-show email is overdue by 25 min when the call comes (within the grace): it goes at once, after the quiet hours.
            new("noshow-recovery-handler", Fixtures.Webhooks.Noshow(start.AddMinutes(30), bob), TimeSpan.FromHours(1)),
            // Payment a day later ends the no-show emails (converted); its own emails keep 12 h from the others.
            new("onboarding-handler", Fixtures.Webhooks.Onboarding(start.AddHours(26), bob), TimeSpan.FromHours(26)),
            new("assessment-handler", Fixtures.Webhooks.Assessment(start, cat), TimeSpan.FromHours(2)),
        ];

        var simulated = await SimulateAsync(calls, days: 6);
        await PlayForRealAsync(calls, start, start.AddDays(6));

        var sent = await SentAsync(ann, bob, cat);
        Assert.Equal(sent, Sends(simulated));
        Assert.Equal(await EndedStepsAsync(ann, bob, cat), Skips(simulated));
        // What the scenario is about, so a change that made both sides do nothing would not pass.
        Assert.Contains(sent, s => s.Email == bob && s.Sequence == "onboarding");
        Assert.Contains(Skips(simulated), s => s is { Sequence: "noshow", Reason: "converted" });
        Assert.Contains(sent, s => s.Email == ann && s.SendAt.Hour == 13); // 08:00 in Toronto, the window's end
        Assert.DoesNotContain(sent, s => s.Email == cat);
        // The suppressed contact's sequence is kept, every email of ours skipped (#1 is the website's).
        var refused = simulated.GetProperty("skipped").EnumerateArray().Where(s => s.GetProperty("email").GetString() == cat).ToList();
        Assert.Equal([2, 3, 4, 5], refused.Select(s => s.GetProperty("number").GetInt32()));
        Assert.All(refused, s => Assert.Equal("suppressed (manual)", s.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task TheSimulatorSendsWhatTheScheduler_Sends_InTestingModeWithTheOffersEnd()
    {
        var start = new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
        await StartAsync(start, new() { ["Campaign:TestingMode"] = "true", ["Campaign:OfferEndsAt"] = start.AddSeconds(200).ToString("O") });
        var (dan, eve) = (Email("dan"), Email("eve"));
        Call[] calls =
        [
            new("assessment-handler", Fixtures.Webhooks.Assessment(start, dan), TimeSpan.Zero),
            new("postcall-maybe-handler", Fixtures.Webhooks.Postcall(start, eve), TimeSpan.FromSeconds(10)),
            // Ends the post-call emails after the first; its own later emails fall after the offer's end.
            new("onboarding-handler", Fixtures.Webhooks.Onboarding(start.AddSeconds(90), eve), TimeSpan.FromSeconds(90)),
        ];

        var simulated = await SimulateAsync(calls, days: 1);
        await PlayForRealAsync(calls, start, start.AddDays(1));

        var sent = await SentAsync(dan, eve);
        Assert.Equal(sent, Sends(simulated));
        Assert.Equal(await EndedStepsAsync(dan, eve), Skips(simulated));
        Assert.Contains(Skips(simulated), s => s.Reason == "offer ended");
        Assert.Contains(Skips(simulated), s => s is { Sequence: "postcall", Reason: "converted" });
        Assert.Equal("testing", simulated.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task TheDraftSimulated_IsWhatTheSchedulerSends_OnceItIsPublished()
    {
        var start = new DateTimeOffset(2027, 1, 11, 14, 0, 0, TimeSpan.Zero);
        await StartAsync(start, new() { ["Campaign:MinimumGap"] = "02:00:00" });
        var (ann, bob, wendy) = (Email("ann"), Email("bob"), Email("wendy"));
        // The edit: a 6th assessment email on day 6, no-show #2 twelve hours earlier, and a webinar webhook with its reminder.
        foreach (var template in new[] { "assessment-6", WebinarCampaign.Template })
            (await _app!.Api.PutAsJsonAsync($"/api/templates/{template}", new { subject = $"{template} for {{{{ first_name }}}}", body = "Hello." })).EnsureSuccessStatusCode();
        var webinar = WebinarCampaign.Document();
        var edited = webinar with
        {
            Sequences = webinar.Sequences.Select(q => q.Name switch
            {
                "assessment" => q with { Steps = [.. q.Steps, new StepSpec(6, "assessment-6", TimeSpan.FromDays(6), TimeSpan.FromMinutes(5))] },
                "noshow" => q with { Steps = q.Steps.Select(x => x.Number == 2 ? x with { Offset = TimeSpan.FromHours(12) } : x).ToList() },
                _ => q,
            }).ToList(),
        };
        var draft = new StringContent(DefinitionWriter.ToJson(edited), System.Text.Encoding.UTF8, "application/json");
        (await _app!.Api.PutAsync("/api/campaign/draft", draft)).EnsureSuccessStatusCode();

        var registration = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(WebinarCampaign.Registration(email: wendy)))!;
        registration["registered_at"] = start.ToString("O");
        Call[] calls =
        [
            new("assessment-handler", Fixtures.Webhooks.Assessment(start, ann), TimeSpan.Zero),
            new("noshow-recovery-handler", Fixtures.Webhooks.Noshow(start.AddHours(1), bob), TimeSpan.FromHours(1)),
            new(WebinarCampaign.Handler, registration, TimeSpan.FromHours(2)),
        ];
        var simulated = await SimulateAsync(calls, days: 8, definition: "draft");

        var published = await _app.Api.PostAsJsonAsync("/api/campaign/draft/publish", new { policy = "new-only", expectedRevision = 1 });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var key = await _app.WithDbAsync(db => db.Settings.Where(x => x.Key == "webhook-key:" + WebinarCampaign.Handler).Select(x => x.Value).SingleAsync());
        await PlayForRealAsync(calls, start, start.AddDays(8), new Dictionary<string, string> { [WebinarCampaign.Handler] = key });

        var sent = await SentAsync(ann, bob, wendy);
        Assert.Equal(sent, Sends(simulated));
        Assert.Contains(sent, x => x is { Sequence: "assessment", Number: 6 });
        Assert.Contains(sent, x => x.Sequence == "noshow" && x.Number == 2 && x.SendAt == start.AddHours(13).UtcDateTime);
        Assert.Contains(sent, x => x.Sequence == "webinar" && x.Email == wendy);
    }

    private async Task StartAsync(DateTimeOffset start, Dictionary<string, string?> settings)
    {
        _clock = new FakeTimeProvider(start);
        _app = await TestApp.StartAsync(_clock, settings: settings);
    }

    private async Task<JsonElement> SimulateAsync(IEnumerable<Call> calls, int days, string definition = "published")
    {
        var contacts = calls.Select(c => new Dictionary<string, object?>(c.Body) { ["handler"] = c.Handler, ["at"] = System.Xml.XmlConvert.ToString(c.At) });
        var response = await _app!.Api.PostAsJsonAsync("/api/simulations", new { days, contacts, definition });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await TestApp.JsonAsync(response);
    }

    /// <summary>
    /// The calls posted at their times, and the fake clock moved to each step's send time in turn (a step due
    /// with a call goes first, as in the simulator), waiting each time until the app has handled every due step.
    /// </summary>
    /// <param name="keys">Keys of handlers the guide does not name.</param>
    private async Task PlayForRealAsync(IEnumerable<Call> calls, DateTimeOffset start, DateTimeOffset end, Dictionary<string, string>? keys = null)
    {
        var pending = new Queue<Call>(calls.OrderBy(c => c.At));
        while (true)
        {
            var nextStep = await _app!.WithDbAsync(db => db.Steps.Where(s => s.Status == StepStatus.Scheduled)
                .OrderBy(s => s.NotBefore).Select(s => (DateTime?)s.NotBefore).FirstOrDefaultAsync());
            DateTimeOffset? stepAt = nextStep is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : null;
            DateTimeOffset? callAt = pending.TryPeek(out var call) ? start + call.At : null;
            if (stepAt is { } s && s <= end && (callAt is null || s <= callAt))
            {
                if (s > _clock.GetUtcNow()) _clock.SetUtcNow(s);
                await HandledAsync();
            }
            else if (callAt is { } c)
            {
                _clock.SetUtcNow(c);
                var handler = pending.Dequeue().Handler;
                var response = await _app.PostWebhookAsync(handler, call!.Body, keys?.GetValueOrDefault(handler));
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
            else return;
        }
    }

    private Task HandledAsync()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return Eventually.WaitAsync(() => _app!.WithDbAsync(db => db.Steps.CountAsync(s =>
                (s.Status == StepStatus.Scheduled && s.NotBefore <= now) || s.Status == StepStatus.Sending)),
            left => left == 0, Settle, $"every step due at {now:O} handled");
    }

    /// <summary>One email, as the test compares them: the send time to the second.</summary>
    private sealed record Sent(string Email, string Sequence, int Number, DateTime SendAt, string Subject);

    private sealed record Ended(string Email, string Sequence, int Number, string Reason);

    private Task<List<Sent>> SentAsync(params List<string> emails) => _app!.WithDbAsync(async db =>
    {
        var rows = await db.Steps.Where(s => emails.Contains(s.Sequence!.Contact!.Email) && s.Status == StepStatus.Sent && s.SentBy == SentBy.Scheduler)
            .Join(db.OutboxMessages, s => s.Id, m => m.StepId, (s, m) => new { m.To, s.Sequence!.Kind, s.Number, SentAt = s.SentAt!.Value, m.Subject })
            .ToListAsync();
        return rows.Select(r => new Sent(r.To, r.Kind, r.Number, Second(r.SentAt), r.Subject)).OrderBy(s => s.SendAt).ThenBy(s => s.Email).ToList();
    });

    private Task<List<Ended>> EndedStepsAsync(params List<string> emails) => _app!.WithDbAsync(async db =>
    {
        var rows = await db.Steps.Where(s => emails.Contains(s.Sequence!.Contact!.Email) && (s.Status == StepStatus.Cancelled || s.Status == StepStatus.Skipped))
            .Select(s => new { s.Sequence!.Contact!.Email, s.Sequence.Kind, s.Number, s.LastError }).ToListAsync();
        return rows.Select(r => new Ended(r.Email, r.Kind, r.Number, r.LastError ?? "")).OrderBy(e => e.Email).ThenBy(e => e.Sequence).ThenBy(e => e.Number).ToList();
    });

    private static List<Sent> Sends(JsonElement simulated) => simulated.GetProperty("sends").EnumerateArray()
        .Select(s => new Sent(s.GetProperty("email").GetString()!, s.GetProperty("sequence").GetString()!, s.GetProperty("number").GetInt32(),
            Second(s.GetProperty("sendAt").GetDateTime().ToUniversalTime()), s.GetProperty("subject").GetString()!))
        .OrderBy(s => s.SendAt).ThenBy(s => s.Email).ToList();

    /// <summary>The simulated skips of single emails (a refused call has no number: no step exists for it).</summary>
    private static List<Ended> Skips(JsonElement simulated) => simulated.GetProperty("skipped").EnumerateArray()
        .Where(s => s.GetProperty("number").ValueKind == JsonValueKind.Number)
        .Select(s => new Ended(s.GetProperty("email").GetString()!, s.GetProperty("sequence").GetString()!, s.GetProperty("number").GetInt32(),
            s.GetProperty("reason").GetString()!))
        .OrderBy(e => e.Email).ThenBy(e => e.Sequence).ThenBy(e => e.Number).ToList();

    private static DateTime Second(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
