using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence.Dialects;

/// <summary>One file in the data directory, one instance.</summary>
public sealed class SqliteDialect(string databaseFile) : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool Shared => false;
    public override string Describe() => databaseFile;

    public override void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite($"Data Source={databaseFile};Pooling=True");

    // Each unit's savepoint journals every page it changes; in a temp file that was most of the
    // writer's I/O (strace: 6,600 page writes a second), in memory it is a copy.
    public override async Task PrepareWriterAsync(CampaignDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY;", ct);

    // WAL lets readers (console, API) run beside the writer. synchronous stays at SQLite's
    // default FULL: a commit is on disk before the webhook is answered.
    public override async Task AfterMigrateAsync(CampaignDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
}
