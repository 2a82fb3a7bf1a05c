using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Unsubscribe;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Christmas.Tests.Core.Persistence;

/// <summary>Two instances on one PostgreSQL database, as behind a reverse proxy: what one does, the other sees.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesOnPostgresTests(PostgresServer postgres) : IAsyncLifetime
{
    private TestApp _a = null!, _b = null!;
    private readonly CapturedLogs _logs = new();

    public async Task InitializeAsync()
    {
        var settings = await postgres.SettingsAsync();
        _a = await TestApp.StartAsync(settings: settings, services: _logs.AddTo);
        _b = await TestApp.StartAsync(settings: settings, services: _logs.AddTo);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static async Task<bool> TestingModeAsync(TestApp app) =>
        (await app.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode")).GetProperty("enabled").GetBoolean();

    [Fact]
    public async Task Testing_mode_switched_on_one_instance_reaches_the_other_within_five_seconds()
    {
        Assert.False(await TestingModeAsync(_b));
        (await _a.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = true })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(() => TestingModeAsync(_b), on => on, TimeSpan.FromSeconds(5), "testing mode on the other instance");

        (await _b.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = false })).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(() => TestingModeAsync(_a), on => !on, TimeSpan.FromSeconds(5), "testing mode off again on the first");
    }

    [Fact]
    public async Task A_handler_published_on_one_instance_answers_on_the_other_within_five_seconds()
    {
        (await _a.Api.PutAsJsonAsync($"/api/templates/{WebinarCampaign.Template}", WebinarCampaign.TemplateText)).EnsureSuccessStatusCode();
        var draft = new StringContent(DefinitionWriter.ToJson(WebinarCampaign.Document()), System.Text.Encoding.UTF8, "application/json");
        (await _a.Api.PutAsync("/api/campaign/draft", draft)).EnsureSuccessStatusCode();
        var published = await _a.Api.PostAsJsonAsync("/api/campaign/draft/publish", new { policy = "new-only", expectedRevision = 1 });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var key = await Eventually.WaitAsync(() => _b.WithDbAsync(db => db.Settings.Where(s => s.Key == GeneratedWebhookKeys.SettingPrefix + WebinarCampaign.Handler)
            .Select(s => s.Value).FirstOrDefaultAsync()), k => k is not null, TimeSpan.FromSeconds(5), "the new handler's key stored");
        var answer = await Eventually.WaitAsync(() => _b.PostWebhookAsync(WebinarCampaign.Handler, WebinarCampaign.Registration(), key),
            r => r.StatusCode != HttpStatusCode.NotFound, TimeSpan.FromSeconds(5), "the other instance taking the new handler");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(2, await _b.WithDbAsync(db => db.Sequences.Where(s => s.Kind == "webinar").Select(s => s.Revision).SingleAsync()));
    }

    [Fact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_accepted_by_the_other()
    {
        var browser = new CookieContainer();
        await ConsoleHttpSession.SignInAsync(_a, TestApp.AdminEmail, TestApp.AdminPassword, browser);
        using var other = ConsoleHttpSession.NewClient(_b, browser);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/contacts")).StatusCode);

        using var anonymous = ConsoleHttpSession.NewClient(_b);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/contacts")).StatusCode); // the 200 above was the cookie's doing
    }

    [Fact]
    public async Task An_unsubscribe_link_made_by_one_instance_works_on_the_other()
    {
        var email = $"u{Guid.NewGuid():N}@example.com";
        (await _a.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email))).EnsureSuccessStatusCode();
        var id = await _a.WithDbAsync(db => db.Contacts.Where(c => c.Email == email).Select(c => c.Id).SingleAsync());
        var url = await _a.Services.GetRequiredService<UnsubscribeTokens>().UrlAsync(id, CancellationToken.None);

        var answer = await _b.Anonymous.PostAsync(new Uri(url).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(ContactStatus.Unsubscribed, await _b.WithDbAsync(db => db.Contacts.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_new_address_called_on_both_instances_at_once_is_stored_once_and_both_calls_answer_200()
    {
        // The website's double submit behind a proxy: one call reaches each instance. Both insert the new
        // contact; the one that loses the unique key runs again and updates it instead of answering 503.
        var emails = Enumerable.Range(0, 40).Select(i => $"race{i}-{Guid.NewGuid():N}@example.com").ToList();
        var calls = emails.SelectMany(email => new[] { _a, _b }.Select(app =>
            app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email))));

        var answers = await Task.WhenAll(calls);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var stored = await _a.WithDbAsync(db => db.Sequences.Where(s => emails.Contains(s.Contact!.Email)).Select(s => s.Contact!.Email).ToListAsync());
        Assert.Equal(emails.Order(), stored.Order());
        var deduplicated = 0;
        foreach (var answer in answers) if ((await TestApp.JsonAsync(answer)).GetProperty("deduplicated").GetBoolean()) deduplicated++;
        Assert.Equal(emails.Count, deduplicated);
        // No false alarm for whoever is on call: the races were handled, and the secret both generated at once is stored once.
        Assert.DoesNotContain(_logs.Lines, l => l.Level >= LogLevel.Error);
    }
}
