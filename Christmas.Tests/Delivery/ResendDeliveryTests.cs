using System.Net;
using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Delivery;

/// <summary>
/// Sends through the Resend sender to a local stand-in of Resend's API, on the real clock: the
/// assessment's anchor is 24 h and a minute ago, so email #2 is due (within the overdue grace) and
/// goes out at once, while #3-#5 stay days ahead.
/// </summary>
public sealed class ResendDeliveryTests : IAsyncLifetime
{
    private ResendStandIn _resend = null!;
    private readonly List<TestApp> _apps = [];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _resend = await ResendStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await _resend.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    private async Task<TestApp> StartAppAsync(int requestsPerSecond = 50, FakeTimeProvider? clock = null, bool testingMode = false, bool batch = true)
    {
        var app = await TestApp.StartAsync(clock, _directory, _resend.SenderSettings(new Dictionary<string, string?>
        {
            ["Campaign:TestingMode"] = testingMode.ToString(),
            ["Resend:RequestsPerSecond"] = requestsPerSecond.ToString(),
            ["Resend:Batch"] = batch.ToString(),
        }));
        _apps.Add(app);
        return app;
    }

    private static async Task<string> StartDueAssessmentAsync(TestApp app, string? firstName = null)
    {
        var email = $"r{Guid.NewGuid():N}@example.com";
        var payload = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1), email);
        if (firstName is not null) payload["first_name"] = firstName;
        (await app.PostWebhookAsync("assessment-handler", payload)).EnsureSuccessStatusCode();
        return email;
    }

    private static Task<Step> SettledStepAsync(TestApp app, string email, TimeSpan within) => Eventually.WaitAsync(
        () => app.WithDbAsync(db => db.Steps.SingleAsync(s => s.Sequence!.Contact!.Email == email && s.Number == 2)),
        s => s.Status is StepStatus.Sent or StepStatus.Failed, within, $"step #2 of {email} sent or failed");

    [Fact]
    public async Task InTestingMode_TheGuidesAssessmentCall_BringsEmailsTwoToFiveToResend_AtOneToFourMinutes_EachOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var app = await StartAppAsync(clock: clock, testingMode: true);
        var email = $"t{Guid.NewGuid():N}@example.com";
        var anchor = clock.GetUtcNow();
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();
        var update = Fixtures.Webhooks.Signup(email);
        update["first_name"] = "Sally";
        (await app.PostWebhookAsync("signup-handler", update)).EnsureSuccessStatusCode();

        for (var n = 1; n <= 4; n++)
        {
            clock.SetUtcNow(anchor.AddMinutes(n).AddSeconds(-1));
            await Task.Delay(300);
            Assert.Equal(n - 1, _resend.Arrivals.Count);
            clock.SetUtcNow(anchor.AddMinutes(n));
            await Eventually.WaitAsync(() => Task.FromResult(_resend.Arrivals.Count), c => c == n, TimeSpan.FromSeconds(5), $"email #{n + 1} at Resend");
        }

        var arrivals = _resend.Arrivals.ToList();
        Assert.Equal(4, _resend.Accepted);
        Assert.Equal(4, arrivals.Select(a => a.IdempotencyKey).Distinct().Count());
        Assert.All(arrivals, a =>
        {
            Assert.Contains("Sally", a.Body.GetProperty("text").GetString());
            Assert.Equal("List-Unsubscribe=One-Click", a.Body.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        });
    }

    [Fact]
    public async Task ServerErrors_AreRetried_WithTheSameKey_AndResendAcceptsTheEmailOnce()
    {
        _resend.FailNext(HttpStatusCode.InternalServerError, "internal_server_error", "Unexpected error");
        _resend.FailNext(HttpStatusCode.InternalServerError, "internal_server_error", "Unexpected error");
        var app = await StartAppAsync();
        var email = await StartDueAssessmentAsync(app);

        var step = await SettledStepAsync(app, email, TimeSpan.FromSeconds(20));

        var arrivals = _resend.Arrivals.ToList();
        Assert.Equal([500, 500, 200], arrivals.Select(a => a.Status));
        Assert.Single(arrivals.Select(a => a.IdempotencyKey).Distinct());
        Assert.Equal(1, _resend.Accepted);
        Assert.Equal(StepStatus.Sent, step.Status);
        Assert.Equal(1, step.Attempts);
        Assert.False(string.IsNullOrEmpty(step.ProviderMessageId));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheRetryAfterDelay()
    {
        _resend.FailNext(HttpStatusCode.TooManyRequests, "rate_limit_exceeded", "Too many requests", retryAfterSeconds: 2);
        var app = await StartAppAsync();
        var email = await StartDueAssessmentAsync(app);

        var step = await SettledStepAsync(app, email, TimeSpan.FromSeconds(20));

        var arrivals = _resend.Arrivals.ToList();
        Assert.Equal(StepStatus.Sent, step.Status);
        Assert.Equal([429, 200], arrivals.Select(a => a.Status));
        Assert.True(arrivals[1].At - arrivals[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(arrivals[1].At - arrivals[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A422_EndsTheStepFailed_WithResendsNameAndMessage_WithoutRetrying()
    {
        _resend.FailNext(HttpStatusCode.UnprocessableEntity, "invalid_from_address", "Invalid `from` field.");
        var app = await StartAppAsync();
        var email = await StartDueAssessmentAsync(app);

        var step = await SettledStepAsync(app, email, TimeSpan.FromSeconds(10));

        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal("Resend 422 invalid_from_address: Invalid `from` field.", step.LastError);
        Assert.Single(_resend.Arrivals);
    }

    [Fact]
    public async Task TheEmailArrivesRendered_WithValuesEscaped_AndTheUnsubscribeHeaders()
    {
        var app = await StartAppAsync();
        var email = await StartDueAssessmentAsync(app, firstName: "<script>alert('x')</script>");

        await SettledStepAsync(app, email, TimeSpan.FromSeconds(10));

        var body = Assert.Single(_resend.Arrivals).Body;
        Assert.Equal(email, body.GetProperty("to")[0].GetString());
        Assert.Equal("BusOS Team <team@busos.example>", body.GetProperty("from").GetString());
        var html = body.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<script>alert('x')</script>", body.GetProperty("text").GetString());
        var headers = body.GetProperty("headers");
        Assert.StartsWith("<http://localhost:8080/u/", headers.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
    }

    [Fact]
    public async Task TheRateLimit_IsNeverExceededInAnyOneSecondWindow()
    {
        // One request per email (due together, they would go as one batch: Delivery/BatchSendingTests).
        var app = await StartAppAsync(requestsPerSecond: 2, batch: false);
        var emails = new List<string>();
        for (var i = 0; i < 7; i++) emails.Add(await StartDueAssessmentAsync(app));

        foreach (var email in emails) await SettledStepAsync(app, email, TimeSpan.FromSeconds(15));

        var times = _resend.Arrivals.Select(a => a.At).Order().ToList();
        Assert.Equal(7, times.Count);
        for (var i = 2; i < times.Count; i++)
            Assert.True(times[i] - times[i - 2] >= TimeSpan.FromSeconds(1), $"3 requests within {(times[i] - times[i - 2]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ASendWhoseAnswerWasLostInACrash_IsNotSentTwice_AfterARestart_EvenIfTheDataChangedMeanwhile()
    {
        _resend.AcceptAndHangNext();
        var first = await StartAppAsync();
        var email = await StartDueAssessmentAsync(first);
        await Eventually.WaitAsync(() => Task.FromResult(_resend.Accepted), n => n >= 1, TimeSpan.FromSeconds(10), "the first send reached Resend");
        // New data before the retry: the retry must still send the very payload Resend accepted
        // (the same key with another payload would be refused with 409 invalid_idempotent_request).
        var update = Fixtures.Webhooks.Signup(email);
        update["first_name"] = "Renamed";
        (await first.PostWebhookAsync("signup-handler", update)).EnsureSuccessStatusCode();
        await first.DisposeAsync();
        _apps.Remove(first);

        var second = await StartAppAsync();
        var step = await SettledStepAsync(second, email, TimeSpan.FromSeconds(15));

        Assert.Equal(StepStatus.Sent, step.Status);
        Assert.Equal(1, _resend.Accepted);
        Assert.Single(_resend.Arrivals.Select(a => a.IdempotencyKey).Distinct());
    }
}
