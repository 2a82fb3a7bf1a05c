using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Campaign.Revisions;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Api;

/// <summary>Revision 1 is seeded on PostgreSQL too, once, even when two instances start on one database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CampaignApiOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task RevisionOne_IsSeededOnce_WhenTwoInstancesStartTogether()
    {
        var settings = await postgres.SettingsAsync();
        var starts = await Task.WhenAll(Task.Run(() => TestApp.StartAsync(settings: settings)), Task.Run(() => TestApp.StartAsync(settings: settings)));
        await using var first = starts[0];
        await using var second = starts[1];

        var json = await first.Api.GetFromJsonAsync<JsonElement>("/api/campaign");
        Assert.Equal(1, json.GetProperty("revision").GetInt32());
        Assert.Equal(4, json.GetProperty("sequences").GetArrayLength());
        Assert.Equal(1, await second.WithDbAsync(db => db.CampaignRevisions.CountAsync()));

        // A later start (or a late instance) adds nothing.
        await second.Services.GetRequiredService<RevisionOneSeeder>().SeedAsync(CancellationToken.None);
        Assert.Equal(1, await second.WithDbAsync(db => db.CampaignRevisions.CountAsync()));
    }

    [Fact]
    public async Task SeedersRacingWithoutTheLock_LeaveOneRevision_AndNoneFails()
    {
        await using var app = await TestApp.StartAsync(settings: await postgres.SettingsAsync());
        await app.WithDbAsync(db => db.CampaignRevisions.ExecuteDeleteAsync());
        var seeders = new[] { app, app, app, app }.Select(a => a.Services.GetRequiredService<RevisionOneSeeder>());

        await Task.WhenAll(seeders.Select(s => Task.Run(() => s.SeedAsync(CancellationToken.None))));

        Assert.Equal([1], await app.WithDbAsync(db => db.CampaignRevisions.Select(r => r.Revision).ToListAsync()));
    }
}
