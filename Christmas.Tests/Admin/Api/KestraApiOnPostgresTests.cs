using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>Replay and the Kestra search on PostgreSQL: its migration (originalId, stored duration) and the queries' translations.</summary>
[Collection(PostgresCollection.Name)]
public sealed class KestraApiOnPostgresTests(PostgresServer postgres) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: await postgres.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AReplayIsLinkedBothWays_Deduplicated_AndTheSearchSortsAndFiltersIt()
    {
        const string email = "pg-replay@example.com";
        var first = await TestApp.JsonAsync(await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email)));
        var original = first.GetProperty("id").GetString()!;

        var response = await _app.Api.PostAsync($"/api/v1/main/executions/{original}/actions/replay", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replay = await TestApp.JsonAsync(response);
        Assert.Equal(original, replay.GetProperty("originalId").GetString());
        Assert.True(replay.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(1, await _app.WithDbAsync(db => db.Sequences.CountAsync()));
        var again = await _app.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{original}");
        Assert.Equal([replay.GetProperty("id").GetString()], again.GetProperty("replays").EnumerateArray().Select(r => r.GetString()));

        var search = await _app.Api.GetFromJsonAsync<JsonElement>(
            $"/api/v1/executions/search?namespace=christ&q={email}&labels=trigger:replay&state=SUCCESS&state=FAILED&sort=state.duration:desc&size=10000");
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal(replay.GetProperty("id").GetString(), search.GetProperty("results")[0].GetProperty("id").GetString());
        var all = await _app.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/search?sort=state.endDate:asc&q={email}");
        Assert.Equal([original, replay.GetProperty("id").GetString()], all.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }
}
