using System.Net;
using System.Net.Http.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Admin.Telemetry;

/// <summary>
/// <c>/metrics</c> as Prometheus scrapes it. Each test has its own app (fresh counters, fresh
/// database) on a fake clock in testing mode, so the counts are exact.
/// </summary>
public class MetricsEndpointTests : IAsyncLifetime
{
    private const string Handler = "assessment-handler";
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Campaign:TestingMode"] = "true",
        // Every scrape reads the database gauges afresh.
        ["Metrics:GaugeCacheSeconds"] = "0",
    };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: Settings);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> ScrapeAsync()
    {
        var response = await _app.Api.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Webhooks(string text, string outcome, string handler = Handler) =>
        PrometheusText.Value(text, "christmas_webhooks_total", ("handler", handler), ("outcome", outcome));

    private static double Sends(string text, string outcome) =>
        PrometheusText.Value(text, "christmas_sends_total", ("provider", "outbox"), ("outcome", outcome));

    [Fact]
    public async Task Metrics_AreRefusedWithoutTheToken_AndPrometheusTextWithIt()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new("Bearer", "not-the-token");
        var refused = await _app.Anonymous.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("christmas_", await refused.Content.ReadAsStringAsync());

        var response = await _app.Api.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE christmas_steps_pending gauge", text);
        Assert.DoesNotContain(TestApp.ApiToken, text);
    }

    [Fact]
    public async Task Counters_CountExactlyTheWebhookCallsAndSends_AndTheGaugesThePendingSteps()
    {
        var anchor = _clock.GetUtcNow();
        var before = await ScrapeAsync();
        var emails = Enumerable.Range(0, 3).Select(_ => $"m{Guid.NewGuid():N}@example.com").ToList();

        // 3 accepted, 1 deduplicated (the same contact's assessment again), 2 invalid, 1 refused (wrong key).
        foreach (var email in emails)
            (await _app.PostWebhookAsync(Handler, Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();
        var again = await TestApp.JsonAsync(await _app.PostWebhookAsync(Handler, Fixtures.Webhooks.Assessment(anchor, emails[0])));
        Assert.True(again.GetProperty("deduplicated").GetBoolean());
        var noEmail = Fixtures.Webhooks.Assessment(anchor, emails[0]);
        noEmail.Remove("email");
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.PostWebhookAsync(Handler, noEmail)).StatusCode);
        var notJson = await _app.Anonymous.PostAsync(Fixtures.Webhooks.Url(Handler), new StringContent("email=x", null, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.PostWebhookAsync(Handler, Fixtures.Webhooks.Signup(), key: "wrong-key")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.PostWebhookAsync("made-up-handler", Fixtures.Webhooks.Signup())).StatusCode);

        var afterCalls = await ScrapeAsync();
        Assert.Equal(3, Webhooks(afterCalls, "accepted") - Webhooks(before, "accepted"));
        Assert.Equal(1, Webhooks(afterCalls, "deduplicated") - Webhooks(before, "deduplicated"));
        Assert.Equal(2, Webhooks(afterCalls, "invalid") - Webhooks(before, "invalid"));
        Assert.Equal(1, Webhooks(afterCalls, "refused") - Webhooks(before, "refused"));
        Assert.Equal(1, Webhooks(afterCalls, "refused", handler: "unknown") - Webhooks(before, "refused", handler: "unknown"));
        Assert.DoesNotContain("made-up-handler", afterCalls);
        Assert.DoesNotContain(emails[0], afterCalls);
        // Emails 2-5 of each assessment wait (testing mode: one a minute); the website sent #1.
        var pending = await _app.WithDbAsync(db => db.Steps.CountAsync(s => s.Status == StepStatus.Scheduled));
        Assert.Equal(12, pending);
        Assert.Equal(pending, PrometheusText.Value(afterCalls, "christmas_steps_pending"));
        Assert.Equal(0, PrometheusText.Value(afterCalls, "christmas_steps_failed"));

        // A minute later each contact's email #2 goes: 3 sends through the Outbox.
        _clock.SetUtcNow(anchor.AddMinutes(1));
        var afterSends = await Eventually.WaitAsync(ScrapeAsync, text => Sends(text, "sent") - Sends(before, "sent") >= 3,
            TimeSpan.FromSeconds(10), "3 sends counted");
        await Task.Delay(300);
        afterSends = await ScrapeAsync();
        Assert.Equal(3, Sends(afterSends, "sent") - Sends(before, "sent"));
        Assert.Equal(0, Sends(afterSends, "failed") + Sends(afterSends, "retry"));
        Assert.Equal(3, PrometheusText.Value(afterSends, "christmas_send_lag_seconds_count", ("provider", "outbox"))
                        - PrometheusText.Value(before, "christmas_send_lag_seconds_count", ("provider", "outbox")));
        Assert.Equal(9, PrometheusText.Value(afterSends, "christmas_steps_pending"));
        // The webhook counters did not move with the sends.
        Assert.Equal(3, Webhooks(afterSends, "accepted") - Webhooks(before, "accepted"));
    }
}
