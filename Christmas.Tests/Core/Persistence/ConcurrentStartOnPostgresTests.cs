using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Core.Persistence;

/// <summary>Instances started together on a new, empty PostgreSQL database (a fresh deployment): every one starts, each migration once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentStartOnPostgresTests(PostgresServer postgres)
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Three_instances_started_together_on_an_empty_database_all_start_and_migrate_it_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var settings = await postgres.SettingsAsync();
            var apps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => TestApp.StartAsync(settings: settings))));
            try
            {
                foreach (var app in apps)
                    Assert.True((await app.Anonymous.GetAsync("/health")).IsSuccessStatusCode);
                var applied = await apps[0].WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync());
                Assert.Equal(applied.Distinct().Count(), applied.Count);
                Assert.Equal(await apps[0].WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count())), applied.Count);
            }
            finally
            {
                foreach (var app in apps) await app.DisposeAsync();
            }
        }
    }
}
