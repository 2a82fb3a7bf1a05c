using System.Net;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// /health: anonymous callers (load balancers) get the status only; its details name configuration, so they
/// need a token or a sign-in. In Production, handlers on the guide's public keys turn it Degraded (still 200).
/// </summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Anonymous_GetsTheStatusOnly_AndATokenGetsTheChecks()
    {
        await using var app = await TestApp.StartAsync();

        var anonymous = await TestApp.JsonAsync(await app.Anonymous.GetAsync("/health"));
        var withToken = await TestApp.JsonAsync(await app.Api.GetAsync("/health"));

        Assert.Equal("Healthy", anonymous.GetProperty("status").GetString());
        Assert.Equal(["status"], anonymous.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", withToken.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task InProduction_HandlersOnTheGuidesKeys_MakeItDegraded_NamingThem_AndTheirCallsStillWork()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Webhooks:Keys:signup-handler"] = "a-private-signup-key-0123456789",
        });

        var response = await app.Api.GetAsync("/health");
        var health = await TestApp.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var keys = health.GetProperty("checks").GetProperty("webhookKeys");
        var description = keys.GetProperty("description").GetString()!;
        Assert.Contains("assessment-handler, noshow-recovery-handler, postcall-maybe-handler, onboarding-handler", description);
        Assert.DoesNotContain("signup-handler", description);
        Assert.Contains("Webhooks:Keys:<handler>", description);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync("assessment-handler",
            Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, $"guide-{Guid.NewGuid():N}@example.com"))).StatusCode);
    }

    [Fact]
    public async Task InProduction_WithEveryHandlerOnItsOwnKey_TheKeysCheckIsHealthy()
    {
        var settings = Fixtures.Webhooks.GuideKeys.Keys.ToDictionary(h => $"Webhooks:Keys:{h}", h => (string?)$"private-{h}-0123456789");
        settings["environment"] = "Production";
        await using var app = await TestApp.StartAsync(settings: settings);

        var health = await TestApp.JsonAsync(await app.Api.GetAsync("/health"));

        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("webhookKeys").GetProperty("status").GetString());
    }
}
