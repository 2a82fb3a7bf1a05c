using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence.Dialects;

/// <summary>One file in the data directory, one instance.</summary>
public sealed class SqliteDialect(string databaseFile) : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool Shared => false;
    public override string Describe() => databaseFile;

    public override void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite($"Data Source={databaseFile};Pooling=True").AddInterceptors(SecureDeleteInterceptor.Instance);

    // Each unit's savepoint journals every page it changes; in a temp file that was most of the
    // writer's I/O (strace: 6,600 page writes a second), in memory it is a copy.
    public override async Task PrepareWriterAsync(CampaignDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY;", ct);

    // WAL lets readers (console, API) run beside the writer. synchronous stays at SQLite's
    // default FULL: a commit is on disk before the webhook is answered.
    public override async Task AfterMigrateAsync(CampaignDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    // The log holds whole pages as they were before each change; TRUNCATE copies it into the file and
    // empties it (secure_delete has zeroed the old rows there). Waits for readers within the busy timeout.
    public override async Task PurgeAsync(CampaignDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
}
