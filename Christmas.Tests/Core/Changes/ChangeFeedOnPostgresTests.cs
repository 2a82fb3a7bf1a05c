using Christmas.Core.Notion.Mirror;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Christmas.Tests.Core.Changes;

/// <summary>
/// On PostgreSQL a change-feed row's id is taken at insert, and transactions commit in any order: a
/// slow transaction's lower id becomes visible after faster ones with higher ids. The feed's reader
/// must not move its cursor past it, or the Notion mirror would never write that change.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChangeFeedOnPostgresTests(PostgresServer postgres) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _connection = "";

    public async Task InitializeAsync()
    {
        var settings = await postgres.SettingsAsync();
        _connection = settings["ConnectionStrings:Postgres"]!;
        _app = await TestApp.StartAsync(settings: settings);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_change_committed_late_with_a_lower_id_is_still_read()
    {
        var feed = _app.Services.GetRequiredService<MirrorFeed>();
        var window = _app.Services.GetRequiredService<MirrorWindow>();
        await feed.ReadAsync(DateTime.UtcNow, default); // the cursor starts at the feed's end

        // A slow writer: its change takes an id, then its transaction stays open.
        await using var slow = new NpgsqlConnection(_connection);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """INSERT INTO "Changes" ("Entity", "EntityId", "At") VALUES ('Contact', 987654, now()) RETURNING "Id" """, slow, transaction))
            Assert.True((long)(await insert.ExecuteScalarAsync())! > 0);

        // Faster writers commit changes with higher ids meanwhile.
        (await _app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup($"f{Guid.NewGuid():N}@example.com"))).EnsureSuccessStatusCode();
        await feed.ReadAsync(DateTime.UtcNow, default);
        var before = window.ReadUpTo;
        Assert.False(window.Contains(NotionPageKind.Contact, 987654));

        await transaction.CommitAsync();
        await feed.ReadAsync(DateTime.UtcNow, default);

        Assert.True(window.Contains(NotionPageKind.Contact, 987654), "the late change was skipped");
        Assert.True(window.ReadUpTo > before, "the reader moved on once the slow transaction ended");
    }
}
