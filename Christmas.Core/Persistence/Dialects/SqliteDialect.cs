using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence.Dialects;

/// <summary>One file in the data directory, one instance.</summary>
public sealed class SqliteDialect(string databaseFile) : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool Shared => false;
    public override string Describe() => databaseFile;

    private string ConnectionString => $"Data Source={databaseFile};Pooling=True";

    public override void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite(ConnectionString).AddInterceptors(SecureDeleteInterceptor.Instance);

    // SQLite opens a file it may not write read-only, silently, and the handle stays read-only: a
    // connection opened (or pooled) while the file was read-only or its disk full would refuse every
    // write after the fault is gone. So after such a fault the writer and the pool start afresh.
    public override bool ReopenAfter(Exception error)
    {
        if (!Chain(error).Any(e => e is SqliteException { SqliteErrorCode: 8 or 10 or 13 })) return false; // READONLY, IOERR, FULL
        // This file's pool only: other SQLite files in the process (the test host runs many apps) keep theirs.
        using (var same = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(same);
        return true;
    }

    // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY (one writer: no deadlocks).
    protected override bool IsLostRace(Exception error) =>
        error is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

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

    public override Task<long> SizeAsync(CampaignDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("""SELECT page_count * page_size AS "Value" FROM pragma_page_count(), pragma_page_size()""").SingleAsync(ct);

    // SQLite keeps no row estimate without ANALYZE; COUNT(*) walks the narrowest index (about 0.05 s per
    // million rows), acceptable for a page an Admin opens. Table names come from the EF model, never a request.
    public override async Task<List<TableRows>> TableRowsAsync(CampaignDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var rows = new List<TableRows>(tables.Count);
        foreach (var table in tables)
            rows.Add(new TableRows(table, await CountAsync(db, table, ct), false));
        return rows;
    }

    private static Task<long> CountAsync(CampaignDbContext db, string table, CancellationToken ct)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
        return db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
    }
}
