using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>
/// A call we refuse is still visible to the person who must fix the caller: a FAILED execution with
/// the status, the reason and the start of the body, in the executions API and in /metrics, and only
/// the newest <c>Webhooks:RefusedKept</c> of them are kept.
/// </summary>
public sealed class RefusedWebhookCallTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Webhooks:RefusedKept"] = "6",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string url, string body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return _app.Anonymous.PostAsync(url, content);
    }

    private async Task<List<JsonElement>> FailedAsync(int atLeast)
    {
        var results = await Eventually.WaitAsync(async () =>
        {
            var page = await TestApp.JsonAsync(await _app.Api.GetAsync("/api/v1/executions/search?state=FAILED&size=100"));
            return page.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList();
        }, r => r.Count >= atLeast, TimeSpan.FromSeconds(10), $"{atLeast} FAILED executions");
        return results;
    }

    [Fact]
    public async Task EveryKindOfRefusal_IsAFailedExecution_WithStatusReasonAndBody_ButNeverTheKey()
    {
        var email = $"refused-{Guid.NewGuid():N}@example.com";
        var invalid = await PostAsync(Fixtures.Webhooks.Url("assessment-handler"),
            $$"""{"email":"{{email}}","first_name":"Sarah","business_name":"Salon","red_systems":"2","orange_systems":1,"yellow_systems":2,"green_systems":3,"email_1_sent_at":"2026-12-01T10:00:00Z","email_1_status":"sent"}""");
        var wrongKey = await PostAsync(Fixtures.Webhooks.Url("signup-handler", "a-guessed-key"), """{"email":"x@example.com"}""");
        var unknown = await PostAsync(Fixtures.Webhooks.Url("webinar-handler"), "{}");
        var form = await PostAsync(Fixtures.Webhooks.Url("signup-handler"), "email=sarah%40example.com&first_name=Sarah", "application/x-www-form-urlencoded");
        var large = await PostAsync(Fixtures.Webhooks.Url("signup-handler"), $$"""{"email":"a@example.com","pad":"{{new string('x', 70_000)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);

        var failed = await FailedAsync(5);
        Assert.All(failed, e => Assert.Equal("FAILED", e.GetProperty("state").GetProperty("current").GetString()));
        var byStatus = failed.GroupBy(e => e.GetProperty("httpStatus").GetInt32()).ToDictionary(g => g.Key, g => g.ToList());

        var bad = Assert.Single(byStatus[400]);
        Assert.Equal("assessment-handler", bad.GetProperty("flowId").GetString());
        Assert.Contains("red_systems", bad.GetProperty("reason").GetString());
        Assert.Equal("2", bad.GetProperty("payload").GetProperty("red_systems").GetString());

        var notFound = byStatus[404].Select(e => (Flow: e.GetProperty("flowId").GetString(), Reason: e.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(notFound, n => n.Flow == "signup-handler" && n.Reason.Contains("wrong key"));
        Assert.Contains(notFound, n => n.Flow == "webinar-handler" && n.Reason.Contains("no handler"));

        var unsupported = Assert.Single(byStatus[415]);
        Assert.Equal("email=sarah%40example.com&first_name=Sarah", unsupported.GetProperty("payload").GetProperty("body").GetString());

        var tooLarge = Assert.Single(byStatus[413]);
        var kept = tooLarge.GetProperty("payload");
        Assert.True(kept.GetProperty("truncated").GetBoolean());
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(kept.GetProperty("body").GetString()!));

        // Nothing was stored for them but the record, and the guessed key is nowhere.
        Assert.False(await _app.WithDbAsync(db => Task.FromResult(db.Contacts.Any(c => c.Email == email))));
        var all = await _app.Api.GetStringAsync("/api/v1/executions/search?state=FAILED&size=100");
        Assert.DoesNotContain("a-guessed-key", all);

        var logs = await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/v1/executions/{bad.GetProperty("id").GetString()}/logs"));
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("level").GetString() == "ERROR"
            && l.GetProperty("message").GetString()!.StartsWith("Refused with 400"));

        var metrics = await _app.Api.GetStringAsync("/metrics");
        Assert.Equal(2, PrometheusText.Value(metrics, "christmas_webhooks_refused_total", ("status", "404"), ("outcome", "recorded")));
    }

    [Fact]
    public async Task OnlyTheNewestRefusedCallsAreKept_AndAcceptedCallsAreNeverTrimmed()
    {
        var accepted = await _app.Anonymous.PostAsync(Fixtures.Webhooks.Url("signup-handler"),
            JsonContent(Fixtures.Webhooks.Signup($"kept-{Guid.NewGuid():N}@example.com")));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        for (var i = 0; i < 15; i++)
        {
            await PostAsync(Fixtures.Webhooks.Url("signup-handler", $"wrong-{i}"), $$"""{"n":{{i}}}""");
            await Task.Delay(5); // distinct receive times, so "newest" is well defined
        }

        var kept = await Eventually.WaitAsync(async () =>
        {
            var page = await TestApp.JsonAsync(await _app.Api.GetAsync("/api/v1/executions/search?state=FAILED&size=100"));
            return page.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("payload").GetProperty("n").GetInt32()).ToList();
        }, n => n.Count == 6 && n.Contains(14), TimeSpan.FromSeconds(10), "the newest 6 refused calls kept");
        Assert.Equal([14, 13, 12, 11, 10, 9], kept);

        var success = await TestApp.JsonAsync(await _app.Api.GetAsync("/api/v1/executions/search?state=SUCCESS"));
        Assert.Equal(1, success.GetProperty("total").GetInt32());
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
