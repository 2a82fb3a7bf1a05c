using System.Net;
using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Delivery;

/// <summary>
/// Many emails due at one moment go to Resend's stand-in through <c>POST /emails/batch</c>, at its 5 requests
/// a second with Resend's rate headers: each email exactly once, no 429, one bad address failing only its own
/// step, and a batch tried again (in place or by its steps' schedule) sent byte for byte under its own key.
/// In testing mode on a fake clock, email #2 of every assessment falls due at +1 minute, together.
/// </summary>
public sealed class BatchSendingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private ResendStandIn _resend = null!;
    private TestApp? _app;

    public async Task InitializeAsync()
    {
        _resend = await ResendStandIn.StartAsync();
        _resend.RequestsPerSecondLimit = 5;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _resend.DisposeAsync();
    }

    private async Task<TestApp> StartAsync(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Campaign:TestingMode"] = "true" };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        // Resend:RequestsPerSecond and Resend:Batch are left at their defaults (5, on).
        return _app = await TestApp.StartAsync(_clock, settings: _resend.SenderSettings(settings));
    }

    private async Task<List<string>> AssessmentsAsync(int count, Func<int, string>? address = null)
    {
        var start = _clock.GetUtcNow();
        var emails = Enumerable.Range(0, count).Select(i => address?.Invoke(i) ?? $"b{i}-{Guid.NewGuid():N}@example.com").ToList();
        foreach (var email in emails)
            (await _app!.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(start, email))).EnsureSuccessStatusCode();
        return emails;
    }

    private Task<List<Step>> SecondEmailsAsync() => _app!.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => s.Number == 2).ToListAsync());

    private Task<List<Step>> SettledAsync(int count, TimeSpan within) => Eventually.WaitAsync(SecondEmailsAsync,
        steps => steps.Count(s => s.Status is StepStatus.Sent or StepStatus.Failed) == count, within, $"{count} emails #2 sent or failed");

    private List<string> DeliveredTo() =>
        _resend.Delivered.Where(d => d.GetProperty("subject").GetString() is not null).Select(d => d.GetProperty("to")[0].GetString()!).ToList();

    [Fact]
    public async Task TwoHundredFiftyDueAtOnce_GoInBatchesOfAtMostAHundred_EachOnce_WithNo429()
    {
        await StartAsync();
        var emails = await AssessmentsAsync(250);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var steps = await SettledAsync(250, TimeSpan.FromSeconds(60));

        Assert.All(steps, s => Assert.Equal(StepStatus.Sent, s.Status));
        var requests = _resend.Arrivals.ToList();
        Assert.All(requests, r => Assert.True(r.Batch, "a due email went alone while others were due with it"));
        Assert.InRange(requests.Count, 3, 5);
        Assert.All(requests, r => Assert.InRange(r.Body.GetArrayLength(), 2, 100));
        Assert.Equal(0, _resend.TooManyRequestsAnswered);
        Assert.Equal(emails.Order(), DeliveredTo().Order());
        // Each step holds its own email's id: the one Resend's delivery events will name.
        Assert.Equal(250, steps.Select(s => s.ProviderMessageId).Distinct().Count());
    }

    [Fact]
    public async Task OneBadAddress_FailsOnlyItsOwnStep_TheOthersInItsBatchAreSent()
    {
        await StartAsync();
        var emails = await AssessmentsAsync(5, i => i == 2 ? $"bad-{Guid.NewGuid():N}@example.invalid" : $"ok{i}-{Guid.NewGuid():N}@example.com");

        _clock.Advance(TimeSpan.FromMinutes(1));
        var steps = await SettledAsync(5, TimeSpan.FromSeconds(30));

        var request = Assert.Single(_resend.Arrivals);
        Assert.True(request.Batch);
        var failed = Assert.Single(steps, s => s.Status == StepStatus.Failed);
        Assert.Contains("Resend refused this email in its batch", failed.LastError);
        Assert.Contains(emails[2], failed.LastError);
        Assert.Equal(4, steps.Count(s => s.Status == StepStatus.Sent));
        Assert.Equal(emails.Where((_, i) => i != 2).Order(), DeliveredTo().Order());
    }

    [Fact]
    public async Task ABatchRefusedWith500_IsTriedAgainByItsStepsSchedule_ByteForByte_UnderItsKey()
    {
        // One request per attempt: the retry is the steps' own, through the dispatcher, on the fake clock.
        await StartAsync(new() { ["Resend:RetriesPerSend"] = "0" });
        var emails = await AssessmentsAsync(3);
        _resend.FailNext(HttpStatusCode.InternalServerError, "internal_server_error", "An unexpected error occurred.");

        _clock.Advance(TimeSpan.FromMinutes(1));
        var waiting = await Eventually.WaitAsync(SecondEmailsAsync, s => s.All(x => x.Status == StepStatus.Scheduled && x.Attempts == 1),
            TimeSpan.FromSeconds(20), "the batch's steps waiting for their retry");
        Assert.Single(waiting.Select(s => s.BatchId).Distinct());
        Assert.Empty(DeliveredTo());

        // Past the 30 s backoff, before emails #3 fall due (+2 minutes).
        _clock.Advance(TimeSpan.FromSeconds(45));
        var steps = await SettledAsync(3, TimeSpan.FromSeconds(20));

        Assert.All(steps, s => Assert.Equal((StepStatus.Sent, 2), (s.Status, s.Attempts)));
        var attempts = _resend.Arrivals.ToList();
        Assert.True(attempts.Count == 2, string.Join("\n", attempts.Select(a => $"{a.At:HH:mm:ss.fff} {a.IdempotencyKey} {a.Status} batch={a.Batch} {a.Body.GetRawText().Length} bytes")));
        Assert.Equal(attempts[0].IdempotencyKey, attempts[1].IdempotencyKey);
        Assert.Equal(attempts[0].Body.GetRawText(), attempts[1].Body.GetRawText());
        Assert.Equal(emails.Order(), DeliveredTo().Order());
    }

    [Fact]
    public async Task ABatchWhoseAnswerWasLost_IsAnsweredWithTheSameIds_AndDeliveredOnce()
    {
        await StartAsync();
        var emails = await AssessmentsAsync(3);
        // Resend takes the batch but the answer never comes; the attempt times out (10 s) and is retried in place.
        _resend.AcceptAndHangNext();

        _clock.Advance(TimeSpan.FromMinutes(1));
        var steps = await SettledAsync(3, TimeSpan.FromSeconds(60));

        Assert.All(steps, s => Assert.Equal(StepStatus.Sent, s.Status));
        Assert.Single(_resend.Arrivals.Select(a => a.IdempotencyKey).Distinct());
        Assert.True(_resend.Arrivals.Count >= 2);
        Assert.Equal(emails.Order(), DeliveredTo().Order());
    }

    [Fact]
    public async Task AProviderLimitLowerThanConfigured_IsReadFromItsHeaders_AndFollowed()
    {
        _resend.RequestsPerSecondLimit = 2;
        await StartAsync(new() { ["Resend:Batch"] = "false" });
        var emails = await AssessmentsAsync(16);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await SettledAsync(16, TimeSpan.FromSeconds(60));

        Assert.Equal(emails.Order(), DeliveredTo().Order());
        // Before the first answer the app knows only its own 5/s; from then on it keeps to Resend's 2.
        Assert.InRange(_resend.TooManyRequestsAnswered, 0, 3);
        var accepted = _resend.Arrivals.Where(a => a.Status == 200).Select(a => a.At).Order().ToList();
        Assert.All(accepted.Zip(accepted.Skip(2)).Skip(4), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1),
            $"3 accepted requests within {(pair.Second - pair.First).TotalMilliseconds} ms"));
    }
}
