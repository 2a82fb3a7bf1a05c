using System.Net;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Christmas.Tests.Faults;

/// <summary>
/// Resend down for an hour of (fake) time while 40 emails fall due: every attempt is answered 500,
/// or 429 with a two-minute retry-after. Nothing may fail for good, the app must back off rather than
/// hammer, and once Resend is back every email goes out exactly once.
/// </summary>
[Trait("Category", "Slow"), RunsLong]
public sealed class ProviderOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Contacts = 10, StepsEach = 4;
    private static readonly TimeSpan OutageLength = TimeSpan.FromHours(1);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private ResendStandIn _resend = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _resend = await ResendStandIn.StartAsync();
        _resend.Clock = _clock;
        _app = await TestApp.StartAsync(_clock, settings: _resend.SenderSettings(new Dictionary<string, string?>
        {
            ["Campaign:TestingMode"] = "true",
            ["Resend:RequestsPerSecond"] = "1000",
            // One request per attempt, so every attempt is a step-level retry on the fake clock.
            ["Resend:RetriesPerSend"] = "0",
        }));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _resend.DisposeAsync();
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, null)]
    [InlineData(HttpStatusCode.TooManyRequests, 120)]
    public async Task An_hour_of_provider_errors_delays_every_email_and_loses_or_doubles_none(HttpStatusCode status, int? retryAfterSeconds)
    {
        var start = _clock.GetUtcNow();
        _resend.Outage = (status, retryAfterSeconds);
        var emails = new List<string>();
        for (var i = 0; i < Contacts; i++)
        {
            var email = $"o{i}-{Guid.NewGuid():N}@example.com";
            emails.Add(email);
            (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(start, email))).EnsureSuccessStatusCode();
        }

        // Emails #2-#5 fall due at +1..+4 minutes, inside the outage.
        while (_clock.GetUtcNow() - start < OutageLength)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await SettledAsync();
            Assert.Equal(0, await CountAsync(StepStatus.Failed));
        }
        var duringOutage = _resend.Arrivals.ToList();
        Assert.Empty(_resend.Delivered);
        _resend.Outage = null;

        var back = _clock.GetUtcNow();
        while (await CountAsync(StepStatus.Sent) < Contacts * StepsEach && _clock.GetUtcNow() - back < TimeSpan.FromMinutes(30))
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await SettledAsync();
        }
        var recovered = _clock.GetUtcNow() - back;
        output.WriteLine($"{status}: {duringOutage.Count} refused attempts in the hour; all sent {recovered.TotalMinutes:0} min after Resend came back");

        Assert.Equal(Contacts * StepsEach, await CountAsync(StepStatus.Sent));
        Assert.Equal(0, await CountAsync(StepStatus.Failed));
        // Exactly once per recipient and email: what customers got.
        var delivered = _resend.Delivered.Select(d => (To: d.GetProperty("to")[0].GetString(), Subject: d.GetProperty("subject").GetString())).ToList();
        Assert.Equal(Contacts * StepsEach, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.All(emails, e => Assert.Equal(StepsEach, delivered.Count(d => d.To == e)));
        // Backing off, not hammering: each step's attempts are spaced by its backoff, or by Resend's retry-after when it gave one.
        var minimumGap = TimeSpan.FromSeconds(retryAfterSeconds ?? 30);
        foreach (var attempts in duringOutage.GroupBy(a => a.IdempotencyKey))
        {
            var times = attempts.Select(a => a.At).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= minimumGap,
                $"attempts of {attempts.Key} {(pair.Second - pair.First).TotalSeconds} s apart"));
            Assert.InRange(times.Count, 2, 31);
        }
    }

    /// <summary>Steps #2-#5 (email #1 is the website's own).</summary>
    private Task<int> CountAsync(StepStatus status) => _app.WithDbAsync(db => db.Steps.CountAsync(s => s.Status == status && s.Number > 1));

    /// <summary>Every step that is due at the fake now has been tried (none waiting for a worker, none mid-send).</summary>
    private async Task SettledAsync()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Steps
                .Where(s => s.Status == StepStatus.Sending || (s.Status == StepStatus.Scheduled && s.NotBefore <= now))
                .Select(s => $"step {s.Id} {s.Status} attempts {s.Attempts} not before {s.NotBefore:HH:mm:ss} dispatched {s.DispatchedAt:HH:mm:ss}")
                .ToListAsync()).ContinueWith(t => string.Join("; ", t.Result)),
            waiting => waiting.Length == 0, TimeSpan.FromSeconds(20), $"due steps tried at {now:HH:mm:ss}");
    }
}
