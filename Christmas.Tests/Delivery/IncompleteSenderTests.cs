using System.Net;
using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Core.Settings;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Delivery;

/// <summary>
/// Resend or Smtp with keys missing: the app starts and takes webhooks, the sends are held (scheduled,
/// lastError naming the keys) until the configuration is complete, and /health and Settings say what to set.
/// </summary>
public sealed class IncompleteSenderTests : IAsyncLifetime
{
    private const string IdentityKeys = "Campaign:Sender:Name, Campaign:Sender:PostalAddress, Campaign:Sender:ContactEmail";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private readonly string _email = $"h{Guid.NewGuid():N}@example.com";
    private ResendStandIn _resend = null!;

    public async Task InitializeAsync() => _resend = await ResendStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _resend.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    private Dictionary<string, string?> Resend(bool withIdentity, string publicBaseUrl = "https://mail.example.com")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Campaign:TestingMode"] = "true",
            ["Campaign:PublicBaseUrl"] = publicBaseUrl,
            ["Email:Provider"] = "Resend",
            ["Email:From"] = "BusOS Team <team@busos.example>",
            ["Resend:ApiKey"] = ResendStandIn.ApiKey,
            ["Resend:BaseUrl"] = _resend.BaseUrl,
        };
        if (withIdentity)
        {
            settings["Campaign:Sender:Name"] = "BusOS Team";
            settings["Campaign:Sender:PostalAddress"] = "1 Main St, Halifax NS B3H 1A1";
            settings["Campaign:Sender:ContactEmail"] = "hello@busos.example";
        }
        return settings;
    }

    private static Task<Step> StepTwoAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.Steps.SingleAsync(s => s.Sequence!.Contact!.Email == email && s.Number == 2));

    private static async Task<JsonElement> SenderHealthAsync(TestApp app)
    {
        var response = await app.Api.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await TestApp.JsonAsync(response)).GetProperty("checks").GetProperty("sender");
    }

    [Fact]
    public async Task ResendWithoutTheSendersIdentity_Starts_TakesWebhooks_AndHoldsTheDueStep_UntilARestartCompletesIt()
    {
        await using (var app = await TestApp.StartAsync(_clock, _directory, Resend(withIdentity: false)))
        {
            var webhook = await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), _email));
            Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);

            _clock.Advance(TimeSpan.FromMinutes(1));

            var held = await Eventually.WaitAsync(() => StepTwoAsync(app, _email), s => s.LastError is not null,
                TimeSpan.FromSeconds(5), "step #2 held with a reason");
            Assert.Equal((StepStatus.Scheduled, 0), (held.Status, held.Attempts));
            Assert.Contains(IdentityKeys, held.LastError);
            await Task.Delay(500);
            Assert.Empty(_resend.Arrivals);
            Assert.Equal(StepStatus.Scheduled, (await StepTwoAsync(app, _email)).Status);

            var health = await SenderHealthAsync(app);
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Contains(IdentityKeys, health.GetProperty("description").GetString());
            var settings = app.Services.GetRequiredService<IntegrationStatusReader>().Email();
            Assert.False(settings.Healthy);
            Assert.Contains(IdentityKeys, settings.State);
        }

        await using var completed = await TestApp.StartAsync(_clock, _directory, Resend(withIdentity: true));
        await Eventually.WaitAsync(() => Task.FromResult(_resend.Arrivals.Count), c => c == 1, TimeSpan.FromSeconds(10), "the held email at Resend");
        var sent = await Eventually.WaitAsync(() => StepTwoAsync(completed, _email), s => s.Status == StepStatus.Sent,
            TimeSpan.FromSeconds(5), "step #2 sent");
        Assert.Null(sent.LastError);
        Assert.Equal("Healthy", (await SenderHealthAsync(completed)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AConfigurationReload_ThatCompletesTheSender_ReleasesTheHeldStep()
    {
        await using var app = await TestApp.StartAsync(_clock, _directory, Resend(withIdentity: false));
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), _email))).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(() => StepTwoAsync(app, _email), s => s.LastError is not null, TimeSpan.FromSeconds(5), "step #2 held");

        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        configuration["Campaign:Sender:Name"] = "BusOS Team";
        configuration["Campaign:Sender:PostalAddress"] = "1 Main St, Halifax NS B3H 1A1";
        configuration["Campaign:Sender:ContactEmail"] = "hello@busos.example";
        configuration.Reload();
        _clock.Advance(TimeSpan.FromSeconds(2));

        await Eventually.WaitAsync(() => Task.FromResult(_resend.Arrivals.Count), c => c == 1, TimeSpan.FromSeconds(10), "the released email at Resend");
        Assert.Contains("1 Main St, Halifax", _resend.Arrivals.Single().Body.GetRawText());
    }

    [Fact]
    public async Task SmtpWithoutHostOrFrom_Starts_AndHealthNamesTheKeys()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Email:Provider"] = "Smtp" });

        var health = await SenderHealthAsync(app);

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var description = health.GetProperty("description").GetString();
        Assert.Contains("Email:From, Smtp:Host, " + IdentityKeys, description);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(_email))).StatusCode);
    }

    [Fact]
    public async Task AnHttpPublicBaseUrl_WithRealSending_IsAWarningInHealthAndSettings()
    {
        await using var app = await TestApp.StartAsync(settings: Resend(withIdentity: true, publicBaseUrl: "http://mail.example.com"));

        var health = await SenderHealthAsync(app);

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Contains("Campaign:PublicBaseUrl is http://mail.example.com, not https", health.GetProperty("description").GetString());
        var settings = app.Services.GetRequiredService<IntegrationStatusReader>().Email();
        Assert.Contains(settings.Details, d => d.Value.Contains("not https"));
    }

    [Fact]
    public async Task TheOutbox_NeedsNoSender_AndIsHealthy()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Equal("Healthy", (await SenderHealthAsync(app)).GetProperty("status").GetString());
    }
}
