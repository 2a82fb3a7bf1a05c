using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Admin.Endpoints;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>
/// One address cannot flood the webhooks: past <c>Webhooks:RateLimit</c> it gets 429 with Retry-After and the
/// refused call is recorded; other addresses (behind the proxy, from X-Forwarded-For) go on as before.
/// </summary>
public sealed class WebhookRateLimitTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Webhooks:RateLimit:PermitsPerSecond"] = "1",
        ["Webhooks:RateLimit:Burst"] = "3",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostFromAsync(string clientAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Fixtures.Webhooks.Url("signup-handler"))
        {
            Content = JsonContent.Create(Fixtures.Webhooks.Signup($"rate-{Guid.NewGuid():N}@example.com")),
        };
        // The test client is on loopback, the proxy trusted by default.
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return _app.Anonymous.SendAsync(request);
    }

    [Fact]
    public async Task PastTheBurst_OneAddressGets429WithRetryAfter_IsRecorded_AndOthersAreUnaffected()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await PostFromAsync("203.0.113.7")).StatusCode);
        var refused = await PostFromAsync("203.0.113.7");
        var other = await PostFromAsync("198.51.100.20");

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"{refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        var failed = await Eventually.WaitAsync(async () =>
        {
            var page = await TestApp.JsonAsync(await _app.Api.GetAsync("/api/v1/executions/search?state=FAILED&size=100"));
            return page.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList();
        }, r => r.Any(e => e.GetProperty("httpStatus").GetInt32() == 429), TimeSpan.FromSeconds(10), "a recorded 429");
        var recorded = failed.First(e => e.GetProperty("httpStatus").GetInt32() == 429);
        Assert.Equal("signup-handler", recorded.GetProperty("flowId").GetString());
        Assert.Contains("rate limited: 203.0.113.7", recorded.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheDefaultLimit_IsFarAboveWhatTheWebsiteSends()
    {
        var defaults = new WebhookRateLimitOptions();
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Webhooks:RateLimit:PermitsPerSecond"] = defaults.PermitsPerSecond.ToString(),
            ["Webhooks:RateLimit:Burst"] = defaults.Burst.ToString(),
        });
        for (var i = 0; i < 100; i++)
        {
            var response = await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup($"default-{i}-{Guid.NewGuid():N}@example.com"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
