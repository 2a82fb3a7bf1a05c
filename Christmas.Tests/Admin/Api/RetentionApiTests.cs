using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Audit;
using Christmas.Core.Dashboard;
using Christmas.Core.Delivery.Batches;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Executions;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// Retention over real HTTP (<c>POST /api/retention/purge</c>, <c>GET /api/retention</c>, <c>/metrics</c>): a season's
/// data seeded through webhooks and delivery events on fake time, a year passes, the purge drops the bodies and keeps
/// the rows, the funnel and the dashboard; large backlogs go in transactions of at most 1,000 rows.
/// </summary>
public abstract class RetentionApiTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Ann => $"ann.{_tag}@example.com";
    private string Bob => $"bob.{_tag}@example.com";

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync(new Dictionary<string, string?>
    {
        ["Campaign:TestingMode"] = "true",
        ["Resend:WebhookSecret"] = SignedEvents.Secret,
        ["Metrics:GaugeCacheSeconds"] = "0",
    }));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Two assessments whose emails #2-#5 all went to the Outbox, one opened and one bounced, and an operator's action in the audit log.</summary>
    private async Task SeedSeasonAsync()
    {
        foreach (var email in new[] { Ann, Bob })
            (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), email))).EnsureSuccessStatusCode();
        for (var minute = 0; minute < 5; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200);
        }
        var sent = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Steps.Where(s => s.Status == StepStatus.Sent && s.ProviderMessageId != null)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.ProviderMessageId }).ToListAsync()),
            s => s.Count == 8, TimeSpan.FromSeconds(20), "emails #2-#5 sent to both");
        var events = new[] { ("email.opened", sent[0]), ("email.bounced", sent[5]) };
        foreach (var (type, step) in events)
        {
            var body = SignedEvents.Body(type, step.ProviderMessageId!, _clock.GetUtcNow());
            (await _app.Anonymous.SendAsync(SignedEvents.Request(body, SignedEvents.NewId(), _clock.GetUtcNow()))).EnsureSuccessStatusCode();
        }
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.DeliveryEvents.CountAsync(e => e.AppliedAt != null)), n => n == 2,
            TimeSpan.FromSeconds(10), "both events applied");
        (await _app.Api.PostAsJsonAsync("/api/suppressions", new { email = $"old.{_tag}@example.com" })).EnsureSuccessStatusCode();
    }

    private async Task<string> FunnelAsync() => await _app.Api.GetStringAsync("/api/funnel");

    private async Task<string> DashboardAsync() =>
        JsonSerializer.Serialize(await _app.Services.GetRequiredService<DashboardQueries>().SummaryAsync(CancellationToken.None));

    private async Task<JsonElement> PurgeAsync()
    {
        var response = await _app.Api.PostAsync("/api/retention/purge", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.JsonAsync(response);
    }

    private static int Rows(JsonElement run, string kind) => run.GetProperty("rows").GetProperty(kind).GetInt32();

    private static int Transactions(JsonElement run, string kind) => run.GetProperty("transactions").GetProperty(kind).GetInt32();

    private async Task<string> ScrapeAsync() => await _app.Api.GetStringAsync("/metrics");

    [Fact]
    public async Task Purge_AfterAYear_DropsBodies_KeepsRowsFunnelAndDashboard_LeavesYoungRows_AndRunsTwiceHarmlessly()
    {
        await SeedSeasonAsync();
        var oldExecutions = await _app.WithDbAsync(db => db.Executions.Select(e => e.Id).ToListAsync());
        Assert.Equal(2, oldExecutions.Count);

        _clock.Advance(TimeSpan.FromDays(366));
        // A young call and a young operator action: both younger than every retention.
        var young = await TestApp.JsonAsync(await _app.PostWebhookAsync("assessment-handler",
            Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), $"young.{_tag}@example.com")));
        var youngId = young.GetProperty("id").GetString()!;
        (await _app.Api.PostAsJsonAsync("/api/suppressions", new { email = $"new.{_tag}@example.com" })).EnsureSuccessStatusCode();
        var (funnel, dashboard) = (await FunnelAsync(), await DashboardAsync());
        var counts = await _app.WithDbAsync(async db => (await db.Executions.CountAsync(), await db.OutboxMessages.CountAsync(), await db.DeliveryEvents.CountAsync(), await db.Steps.CountAsync()));

        var run = await PurgeAsync();

        Assert.Equal(2, Rows(run, "executions"));
        Assert.Equal(8, Rows(run, "outboxBodies"));
        Assert.Equal(2, Rows(run, "deliveryEvents"));
        Assert.Equal(0, Rows(run, "sendBatches"));
        Assert.True(Rows(run, "auditLog") >= 1);
        Assert.Equal("api-token", run.GetProperty("startedBy").GetString());
        // Nothing the funnel or the dashboard reads has changed, and every row is still there.
        Assert.Equal(funnel, await FunnelAsync());
        Assert.Equal(dashboard, await DashboardAsync());
        Assert.Equal(counts, await _app.WithDbAsync(async db => (await db.Executions.CountAsync(), await db.OutboxMessages.CountAsync(), await db.DeliveryEvents.CountAsync(), await db.Steps.CountAsync())));
        // The bodies are gone.
        var executions = await _app.WithDbAsync(db => db.Executions.AsNoTracking().ToListAsync());
        Assert.All(executions.Where(e => oldExecutions.Contains(e.Id)), e => Assert.True(e is { PayloadJson: "null", Logs.Count: 0, PurgedAt: not null }));
        var shown = await _app.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{oldExecutions[0]}");
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("payload").ValueKind);
        Assert.Equal("assessment-handler", shown.GetProperty("flowId").GetString());
        var replay = await _app.Api.PostAsync($"/api/v1/main/executions/{oldExecutions[0]}/actions/replay", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Contains("purged by retention", await replay.Content.ReadAsStringAsync());
        Assert.All(await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()), m => Assert.True(m is { Html: "", Text: "", PurgedAt: not null }));
        Assert.All(await _app.WithDbAsync(db => db.DeliveryEvents.AsNoTracking().ToListAsync()), e => Assert.True(e is { PayloadJson: "null", AppliedAt: not null, StepId: not null }));
        var flags = await _app.WithDbAsync(db => db.Steps.Where(s => s.DeliveryFlags != DeliveryFlags.None).Select(s => s.DeliveryFlags).ToListAsync());
        Assert.Equal(2, flags.Count);
        // Young rows untouched; old audit entries deleted, the purge itself audited.
        var youngRow = executions.Single(e => e.Id == youngId);
        Assert.Contains($"young.{_tag}@example.com", youngRow.PayloadJson, StringComparison.OrdinalIgnoreCase);
        Assert.Null(youngRow.PurgedAt);
        Assert.NotEmpty(youngRow.Logs);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(audit, a => a.Target.Contains($"old.{_tag}"));
        Assert.Contains(audit, a => a.Target.Contains($"new.{_tag}"));
        Assert.Contains(audit, a => a.Action == "retention.purge" && a.Actor == "api-token");

        var again = await PurgeAsync();

        Assert.Equal(0, again.GetProperty("total").GetInt32());
        var metrics = await ScrapeAsync();
        Assert.Equal(2, PrometheusText.Value(metrics, "christmas_retention_purged_rows_total", ("kind", "executions")));
        Assert.Equal(8, PrometheusText.Value(metrics, "christmas_retention_purged_rows_total", ("kind", "outboxBodies")));
        Assert.Equal(2, PrometheusText.Value(metrics, "christmas_retention_purged_rows_total", ("kind", "deliveryEvents")));
        var status = await _app.Api.GetFromJsonAsync<JsonElement>("/api/retention");
        Assert.Equal(90, status.GetProperty("settings").GetProperty("executions").GetInt32());
        Assert.Equal("30 3 * * *", status.GetProperty("settings").GetProperty("schedule").GetString());
        Assert.Equal(0, status.GetProperty("lastRun").GetProperty("rows").GetProperty("executions").GetInt32());
        Assert.True(status.GetProperty("database").GetProperty("bytes").GetInt64() > 0);
        var tables = status.GetProperty("database").GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!);
        Assert.True(tables["Executions"].GetProperty("rows").GetInt64() >= 3 || tables["Executions"].GetProperty("estimated").GetBoolean());
        Assert.Contains("AuditEntries", tables.Keys);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Purge_OfABacklog_GoesInTransactionsOfAtMost1000Rows()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var old = now.AddDays(-400);
        await _app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2_500; i++)
            {
                db.Executions.Add(new Execution(ExecutionIds.New(old.AddSeconds(i)), "assessment-handler", "webhook", old.AddSeconds(i), "{\"email\":\"x@example.com\"}", null));
                db.AuditEntries.Add(new AuditEntry { At = old.AddSeconds(i), Actor = "someone", Action = "test.old", Target = $"thing {i}" });
            }
            db.Executions.Add(new Execution(ExecutionIds.New(now), "assessment-handler", "webhook", now.AddDays(-89), "{\"email\":\"y@example.com\"}", null));
            db.AuditEntries.Add(new AuditEntry { At = now.AddDays(-364), Actor = "someone", Action = "test.young", Target = "thing young" });
            // A settled batch whose body its send job never emptied (a crash), and a young one.
            db.SendBatches.Add(new SendBatch(old, "[{\"to\":\"x@example.com\"}]", 1));
            db.SendBatches.Add(new SendBatch(now.AddDays(-1), "[{\"to\":\"y@example.com\"}]", 1));
            return await db.SaveChangesAsync();
        });

        var run = await PurgeAsync();

        Assert.Equal((2_500, 3), (Rows(run, "executions"), Transactions(run, "executions")));
        Assert.Equal((2_500, 3), (Rows(run, "auditLog"), Transactions(run, "auditLog")));
        Assert.Equal(0, Transactions(run, "outboxBodies"));
        Assert.Equal(1, Rows(run, "sendBatches"));
        Assert.Equal(["", "[{\"to\":\"y@example.com\"}]"], await _app.WithDbAsync(db => db.SendBatches.OrderBy(b => b.Id).Select(b => b.Body).ToListAsync()));
        Assert.Equal(2_501, await _app.WithDbAsync(db => db.Executions.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Executions.CountAsync(e => e.PurgedAt == null)));
        var actions = await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.DoesNotContain("test.old", actions);
        Assert.Contains("test.young", actions);
        var metrics = await ScrapeAsync();
        Assert.Equal(3, PrometheusText.Value(metrics, "christmas_retention_transactions_total", ("kind", "executions")));
        Assert.Equal(2_500, PrometheusText.Value(metrics, "christmas_retention_purged_rows_total", ("kind", "auditLog")));

        var again = await PurgeAsync();

        Assert.Equal((0, 0), (Rows(again, "executions"), Transactions(again, "executions")));
    }

    [Fact]
    public async Task TwoPurgesAtOnce_PurgeEachRowOnce()
    {
        var old = _clock.GetUtcNow().UtcDateTime.AddDays(-400);
        await _app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 1_200; i++) db.AuditEntries.Add(new AuditEntry { At = old.AddSeconds(i), Actor = "someone", Action = "test.old", Target = $"thing {i}" });
            return await db.SaveChangesAsync();
        });

        var runs = await Task.WhenAll(PurgeAsync(), PurgeAsync());

        Assert.Equal(1_200, runs.Sum(r => Rows(r, "auditLog")));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "test.old")));
    }

    [Fact]
    public async Task PurgeAndStatus_AreForAdmins_AMarketerGets403()
    {
        var user = $"m.{_tag}@example.com";
        await _app.CreateUserAsync(user, "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(_app, user, "marketer-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsync("/api/retention/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/retention")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.PostAsync("/api/retention/purge", null)).StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.Settings.FirstOrDefaultAsync(s => s.Key == "retention.lastRun")));
    }
}

public sealed class RetentionApiOnSqlite() : RetentionApiTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class RetentionApiOnPostgres(Fixtures.Postgres.PostgresServer postgres) : RetentionApiTests(postgres);
