using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Api;

/// <summary>POST /api/simulations over real HTTP: answers, clear 400s, and not one row written anywhere.</summary>
public sealed class SimulationsApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private static string NewEmail(string tag) => $"{tag}{Guid.NewGuid():N}@example.com";

    private Task<HttpResponseMessage> SimulateAsync(object body) => App.Api.PostAsJsonAsync("/api/simulations", body);

    private static Dictionary<string, object?> Call(string handler, Dictionary<string, object?> body, string? at = null) =>
        new(body) { ["handler"] = handler, ["at"] = at };

    [Fact]
    public async Task Simulate_WritesNothing_InAnyTableOrTheScheduler_WhateverItPlays()
    {
        var now = DateTimeOffset.UtcNow;
        var (ann, bob) = (NewEmail("ann"), NewEmail("bob"));
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(now.AddMinutes(-10), ann))).EnsureSuccessStatusCode();
        (await App.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(now.AddMinutes(-1), bob))).EnsureSuccessStatusCode();
        await Task.Delay(500); // the first no-show email (due in 4 min) stays scheduled; let the app settle
        var before = await SnapshotAsync();

        // Every active sequence, with rules that move the stored steps; then calls that update, dedupe, exit and create.
        var all = await SimulateAsync(new { days = 10, quietHours = "21:00-08:00", minimumGap = "12:00:00", offerEndsAt = now.AddDays(3).ToString("O") });
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var calls = await SimulateAsync(new
        {
            days = 10,
            testingMode = false,
            contacts = new[]
            {
                Call("assessment-handler", Fixtures.Webhooks.Assessment(now, ann), "PT1H"),
                Call("onboarding-handler", Fixtures.Webhooks.Onboarding(now, bob), "PT2H"),
                Call("postcall-maybe-handler", Fixtures.Webhooks.Postcall(now, NewEmail("new"))),
            },
        });
        Assert.Equal(HttpStatusCode.OK, calls.StatusCode);
        var answer = await TestApp.JsonAsync(calls);
        Assert.Contains(answer.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("reason").GetString() == "converted");
        Assert.Contains(answer.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("reason").GetString()!.StartsWith("deduplicated"));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Simulate_AnswersSendsWithSubjects_SkipsWithReasons_AndADayPerDay()
    {
        var email = NewEmail("sim");
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email);
        var response = await SimulateAsync(new { days = 7, testingMode = false, contacts = new[] { Call("assessment-handler", body) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await TestApp.JsonAsync(response);
        var sends = answer.GetProperty("sends").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5], sends.Select(s => s.GetProperty("number").GetInt32()));
        Assert.All(sends, s =>
        {
            Assert.Equal(email, s.GetProperty("email").GetString());
            Assert.Equal("assessment", s.GetProperty("sequence").GetString());
            Assert.DoesNotContain("{{", s.GetProperty("subject").GetString());
        });
        // The contact is CRITICAL: the segment's variant, with her name.
        Assert.Equal("Sarah, why the fires keep coming back", sends[0].GetProperty("subject").GetString());
        var days = answer.GetProperty("days").EnumerateArray().ToList();
        Assert.InRange(days.Count, 7, 8);
        Assert.Equal(4, days.Sum(d => d.GetProperty("bySequence").GetProperty("assessment").GetInt32()));
        Assert.Equal(4, days.Sum(d => d.GetProperty("total").GetInt32()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Contacts.CountAsync(c => c.Email == email)));
    }

    [Theory]
    [InlineData("""{"days": 0}""", "days")]
    [InlineData("""{"days": 61}""", "days")]
    [InlineData("""{"days": "ten"}""", "days")]
    [InlineData("""{"days": 10, "contacts": []}""", "contacts")]
    [InlineData("""{"days": 10, "contacts": {"handler": "assessment-handler"}}""", "contacts")]
    [InlineData("""{"contacts": [{"handler": "nope-handler", "email": "a@example.com"}]}""", "contacts[0].handler")]
    [InlineData("""{"contacts": [{"handler": "postcall-maybe-handler", "first_name": "A", "business_name": "B"}]}""", "contacts[0].email")]
    [InlineData("""{"contacts": [{"handler": "signup-handler", "email": "a@example.com", "first_name": "A", "business_name": "B", "at": "P90D"}]}""", "contacts[0].at")]
    [InlineData("""{"contacts": [{"handler": "signup-handler", "email": "a@example.com", "first_name": "A", "business_name": "B", "at": "yesterday"}]}""", "contacts[0].at")]
    [InlineData("""{"contacts": ["a@example.com"]}""", "contacts[0]")]
    [InlineData("""{"quietHours": "9pm-8am"}""", "quietHours")]
    [InlineData("""{"minimumGap": "-01:00:00"}""", "minimumGap")]
    [InlineData("""{"offerEndsAt": "next friday"}""", "offerEndsAt")]
    [InlineData("""{"testingMode": "yes"}""", "testingMode")]
    [InlineData("""{"dayz": 10}""", "dayz")]
    [InlineData("""[1, 2]""", "body")]
    public async Task Simulate_BadInput_Is400NamingTheField(string json, string field)
    {
        var response = await App.Api.PostAsync("/api/simulations", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestApp.JsonAsync(response);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task Simulate_NotJsonOrTooLarge_IsAClear4xx_AndWithoutTheToken_401()
    {
        var notJson = await App.Api.PostAsync("/api/simulations", new StringContent("{days: 10", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var text = await App.Api.PostAsync("/api/simulations", new StringContent("days=10", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var huge = await App.Api.PostAsync("/api/simulations", new StringContent($$"""{"days": 10, "pad": "{{new string('x', 1_100_000)}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var anonymous = await App.Anonymous.PostAsJsonAsync("/api/simulations", new { days = 10 });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>Every table's row count, the rows a simulation could have changed, and Hangfire's job counts.</summary>
    private async Task<string> SnapshotAsync()
    {
        var database = await App.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            var lines = new List<string>();
            foreach (var table in tables)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                lines.Add($"{table}: {await count.ExecuteScalarAsync()}");
            }
            await using var rows = connection.CreateCommand();
            rows.CommandText = """
                SELECT (SELECT group_concat("Id" || ' ' || "Status" || ' ' || "SendAt" || ' ' || "NotBefore" || ' ' || "Version", ';') FROM "Steps")
                    || '|' || (SELECT group_concat("Id" || ' ' || "Status" || ' ' || "UpdatedAt" || ' ' || "FirstName", ';') FROM "Contacts")
                    || '|' || (SELECT group_concat("Id" || ' ' || "Status" || ' ' || "PayloadJson", ';') FROM "Sequences")
                """;
            lines.Add((string)(await rows.ExecuteScalarAsync())!);
            return string.Join("\n", lines);
        });
        var stats = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        return $"{database}\nhangfire: {stats.Enqueued} {stats.Scheduled} {stats.Processing} {stats.Succeeded} {stats.Failed} {stats.Deleted}";
    }
}
