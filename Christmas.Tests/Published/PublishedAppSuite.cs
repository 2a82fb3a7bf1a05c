using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Notion;
using Hooks = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Published;

/// <summary>
/// What ships, run as it runs: the Release publish output as its own process, started from another
/// working directory, in Production, with every feature configured (Resend and Notion stand-ins, quiet
/// hours, the offer's end, the minimum gap, segment variants, signed delivery events). The guide's
/// calls go through it over HTTP; sends, the contact API, the dashboard and /metrics are checked.
/// </summary>
public abstract partial class PublishedAppSuite : IAsyncLifetime
{
    private const string CriticalSubject = "why the fires keep coming back"; // assessment-2.critical's subject
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-published-run", Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private ResendStandIn _resend = null!;
    private NotionWorkspace _notion = null!;
    private AppProcess _app = null!;

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync(string dataDirectory);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var elsewhere = Directory.CreateDirectory(Path.Combine(_directory, "somewhere-else")).FullName;
        _resend = await ResendStandIn.StartAsync();
        _notion = await NotionWorkspace.StartAsync();
        var settings = _resend.SenderSettings(_notion.Settings(extra: await DatabaseSettingsAsync(Path.Combine(_directory, "data"))));
        // Quiet hours away from now (so today's sends go), around 18 h from now, where a planned email lands.
        var quietStart = TimeOnly.FromDateTime(_now.UtcDateTime.AddHours(17));
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Admin:ApiToken"] = TestApp.ApiToken,
            ["Admin:Email"] = TestApp.AdminEmail,
            ["Admin:Password"] = TestApp.AdminPassword,
            ["Resend:WebhookSecret"] = SignedEvents.Secret,
            ["Resend:RequestsPerSecond"] = "20",
            ["Campaign:QuietHours"] = $"{quietStart:HH\\:mm}-{quietStart.AddHours(3):HH\\:mm}",
            ["Campaign:OfferEndsAt"] = _now.AddHours(60).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["Campaign:MinimumGap"] = "12:00:00",
            ["Scheduler:QueuePollInterval"] = "00:00:00.200",
            ["Metrics:GaugeCacheSeconds"] = "0",
        })
            settings[key] = value;
        _app = await AppProcess.StartAsync(settings, Path.Combine(_directory, "app.log"), await PublishedBuild.AppDllAsync(), elsewhere);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _notion.DisposeAsync();
        await _resend.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    private HttpClient Api
    {
        get
        {
            _app.Client.DefaultRequestHeaders.Authorization ??= new("Bearer", TestApp.ApiToken);
            return _app.Client;
        }
    }

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";
    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private async Task<JsonElement> PostAsync(string handler, object body)
    {
        using var anonymous = new HttpClient { BaseAddress = _app.BaseAddress };
        var response = await anonymous.PostAsJsonAsync(Hooks.Url(handler), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} (log: {_app.LogFile})");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ContactAsync(string email)
    {
        var response = await Api.GetAsync($"/api/contacts/{email}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"contact {email}: {(int)response.StatusCode} (log: {_app.LogFile})");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Sequence(JsonElement contact, string kind) =>
        contact.GetProperty("sequences").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind);

    private static JsonElement Step(JsonElement sequence, int number) =>
        sequence.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == number);

    private Task<JsonElement> SentAsync(string email, string kind, int number) => Eventually.WaitAsync(
        () => ContactAsync(email), c => Step(Sequence(c, kind), number).GetProperty("status").GetString() == "sent",
        TimeSpan.FromSeconds(30), $"{kind} #{number} to {email} sent (log: {_app.LogFile})");

    private List<JsonElement> DeliveredTo(string email) =>
        _resend.Delivered.Where(b => b.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)).ToList();

    [Fact, Trait("Category", "Slow")]
    public async Task TheGuidesCalls_SendThroughTheProvider_WithEveryRuleApplied()
    {
        // The console's files are served from another working directory (they were empty 200s).
        var css = await _app.Client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEmpty(await css.Content.ReadAsStringAsync());
        var script = await _app.Client.GetAsync("/_framework/blazor.web.js");
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, "blazor.web.js is served whole");

        // Guide Test 2: a signup sends nothing.
        var signup = NewEmail("signup");
        await PostAsync("signup-handler", Hooks.Signup(signup));

        // Guide Test 3, with email #1 sent by the website 6 hours ago: #2 in 18 h (in quiet hours, so moved),
        // #3-#5 fall after the offer's end (60 h away) and are skipped.
        var planned = NewEmail("test3");
        await PostAsync("assessment-handler", Hooks.Assessment(_now.AddHours(-6), planned));
        var test3 = Sequence(await ContactAsync(planned), "assessment");
        Assert.Equal(("sent", "website"), (Step(test3, 1).GetProperty("status").GetString(), Step(test3, 1).GetProperty("sentBy").GetString()));
        var second = Step(test3, 2);
        Assert.Equal("scheduled", second.GetProperty("status").GetString());
        Assert.StartsWith("quiet hours", second.GetProperty("sendAtReason").GetString());
        Assert.All(new[] { 3, 4, 5 }, n => Assert.Equal(("skipped", "offer ended"),
            (Step(test3, n).GetProperty("status").GetString(), Step(test3, n).GetProperty("lastError").GetString())));
        var upcoming = Assert.Single((await ContactAsync(planned)).GetProperty("upcoming").EnumerateArray());
        Assert.Contains(CriticalSubject, upcoming.GetProperty("subject").GetString());

        // An assessed CRITICAL contact whose #2 is due now: it goes out as the CRITICAL variant, with the offer's end in it.
        var critical = NewEmail("critical");
        await PostAsync("assessment-handler", Hooks.Assessment(_now.AddHours(-24).AddMinutes(-1), critical));
        await SentAsync(critical, "assessment", 2);
        var criticalEmail = Assert.Single(DeliveredTo(critical));
        Assert.Contains(CriticalSubject, criticalEmail.GetProperty("subject").GetString());
        Assert.Contains("unsubscribe", criticalEmail.GetProperty("html").GetString(), StringComparison.OrdinalIgnoreCase);

        // No-show, then post-call and onboarding for the same person: each first email due now.
        var person = NewEmail("person");
        await PostAsync("noshow-recovery-handler", Hooks.Noshow(_now.AddMinutes(-5), person, "evt_" + Guid.NewGuid().ToString("N")));
        await SentAsync(person, "noshow", 1);
        await PostAsync("postcall-maybe-handler", Hooks.Postcall(_now.AddHours(-1).AddMinutes(-1), person));
        var afterPostcall = await ContactAsync(person);
        Assert.Equal("cancelled", Sequence(afterPostcall, "noshow").GetProperty("status").GetString());
        // The minimum gap moves the post-call email 12 h after the no-show one.
        var postcall1 = Step(Sequence(afterPostcall, "postcall"), 1);
        Assert.StartsWith("minimum gap 12:00:00", postcall1.GetProperty("sendAtReason").GetString());
        var onboardingAnswer = await PostAsync("onboarding-handler", Hooks.Onboarding(_now.AddHours(-1).AddMinutes(-1), person));
        Assert.NotEqual(JsonValueKind.Null, onboardingAnswer.GetProperty("sequenceId").ValueKind);
        var converted = await ContactAsync(person);
        Assert.Equal(("cancelled", "converted"), (Sequence(converted, "postcall").GetProperty("status").GetString(),
            Sequence(converted, "postcall").GetProperty("endedReason").GetString()));

        // A hard bounce of the critical contact's email: suppressed, the rest of its sequence cancelled.
        var messageId = Step(Sequence(await ContactAsync(critical), "assessment"), 2).GetProperty("providerMessageId").GetString()!;
        var bounce = SignedEvents.Body("email.bounced", messageId, DateTimeOffset.UtcNow,
            new { bounce = new { message = "550 5.1.1 mailbox does not exist", type = "Permanent", subType = "General" } });
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.SendAsync(SignedEvents.Request(bounce, SignedEvents.NewId(), DateTimeOffset.UtcNow))).StatusCode);
        var bounced = await Eventually.WaitAsync(() => ContactAsync(critical), c => c.GetProperty("status").GetString() == "bounced",
            TimeSpan.FromSeconds(15), "the bounced contact suppressed");
        Assert.Equal("cancelled", Sequence(bounced, "assessment").GetProperty("status").GetString());

        // Nothing went to the signup, the planned contact or twice to anyone.
        Assert.Empty(DeliveredTo(signup));
        Assert.Empty(DeliveredTo(planned));
        Assert.Single(DeliveredTo(person));

        await AssertDashboardAsync();
        await AssertMetricsAsync();
        await Eventually.WaitAsync(async () => await Api.GetFromJsonAsync<JsonElement>("/api/notion/status"),
            s => s.GetProperty("backlog").GetInt32() == 0, TimeSpan.FromSeconds(30), "the Notion backlog drained");
        Assert.Contains(_notion.ContactPages, p => p.Email("Email") == person);

        var log = await File.ReadAllTextAsync(_app.LogFile);
        Assert.DoesNotContain("CultureNotFoundException", log);
        Assert.DoesNotContain("Unhandled exception", log);
    }

    private async Task AssertDashboardAsync()
    {
        using var console = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        var form = await console.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var login = await console.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = TestApp.AdminEmail, ["Input.Password"] = TestApp.AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var dashboard = await console.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"offer-card\"", html);
        Assert.Contains("data-testid=\"next-sends\"", html);
        Assert.DoesNotContain("error id", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertMetricsAsync()
    {
        var text = await Api.GetStringAsync("/metrics");
        Assert.True(PrometheusText.Value(text, "christmas_sends_total", ("provider", "resend"), ("outcome", "sent")) >= 2, text);
        Assert.Equal(2, PrometheusText.Value(text, "christmas_webhooks_total", ("handler", "assessment-handler"), ("outcome", "accepted")));
        Assert.Contains("christmas_steps_pending", text);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>The published app on its default database: a SQLite file.</summary>
public sealed class PublishedAppOnSqliteTests : PublishedAppSuite
{
    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync(string dataDirectory) =>
        Task.FromResult(new Dictionary<string, string?> { ["Campaign:DataDirectory"] = dataDirectory });
}

/// <summary>The same suite once against PostgreSQL.</summary>
[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class PublishedAppOnPostgresTests(Fixtures.Postgres.PostgresServer postgres) : PublishedAppSuite
{
    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync(string dataDirectory)
    {
        var settings = await postgres.SettingsAsync();
        settings["Campaign:DataDirectory"] = dataDirectory;
        return settings;
    }
}
