using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Christmas.Core.Persistence.Dialects;

/// <summary>A PostgreSQL server that any number of instances share; migrations in their own assembly.</summary>
public sealed class PostgreSqlDialect(string connectionString) : SqlDialect
{
    /// <summary>The configured string; statements the writer repeats are prepared by Npgsql unless it says otherwise.</summary>
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(connectionString)
        { MaxAutoPrepare = new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare is > 0 and var n ? n : 50 }.ConnectionString;

    public const string MigrationsAssembly = "Christmas.Migrations.PostgreSql";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public override bool Shared => true;
    public override bool ReuseCommands => false;
    public override bool BatchesStatements => true;

    // Even batched, a unit waits for two round trips and a group for its commit's WAL flush; four
    // transactions at once (as four instances would) keep the server busy meanwhile. Calls about one
    // address stay on one lane, so they never race each other to insert the contact.
    public override int WriterLanes => 4;

    // Identity sequences: nextval is what an insert without an id would take, so ids stay in the order
    // the calls were applied (an id taken and not used is a gap, as after any rollback).
    public override string NextIdsSql => """
        SELECT nextval(pg_get_serial_sequence('"Contacts"', 'Id')), nextval(pg_get_serial_sequence('"Sequences"', 'Id'))
        """;

    public override string Describe()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>
    /// A session advisory lock on a connection of its own. EF Core's own migration lock (LOCK TABLE in
    /// a transaction) did not keep two instances starting on an empty database apart: the second
    /// failed with "relation already exists".
    /// </summary>
    public override async Task<IAsyncDisposable> LockForMigrationAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
            await command.ExecuteNonQueryAsync(ct);
        return new AdvisoryLock(connection);
    }

    /// <summary>Any fixed number; only this app takes it.</summary>
    private const long MigrationLockKey = 0x43_68_72_69_73_74_6D; // "Christm"

    // Two instances' group commits insert the same new addresses in different orders: one waits on the
    // other's unique-index entry while holding one the other waits on, and the server ends one of them.
    protected override bool IsLostRace(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync(); // a closed session releases the lock in any case
            }
        }
    }

    /// <summary>
    /// PostgreSQL takes a row's id at insert and transactions commit in any order: a committed row with
    /// a higher id can be visible while a lower one is still in flight. Only the rows written by
    /// transactions older than the oldest one still running (the snapshot's xmin) are returned, and only
    /// up to the first row that is not: the cursor never passes a change it has not seen. (A row's xmin is
    /// a 32-bit xid, the snapshot's an epoch-qualified xid8: both are compared by age, which counts back
    /// from the current xid and so stays right across a wraparound.)
    /// </summary>
    public override async Task<List<ChangeRow>> ReadChangesAsync(CampaignDbContext db, long after, int take, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<SettledChange>("""
            SELECT "Id", "Entity", "EntityId",
                   age(xmin) > age(((pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text)::xid) AS "Settled"
            FROM "Changes" WHERE "Id" > {0} ORDER BY "Id" LIMIT {1}
            """, after, take).ToListAsync(ct);
        return rows.TakeWhile(r => r.Settled)
            .Select(r => new ChangeRow(r.Id, Enum.Parse<Changes.ChangeEntity>(r.Entity), r.EntityId)).ToList();
    }

    private sealed record SettledChange(long Id, string Entity, long EntityId, bool Settled);

    public override void Configure(DbContextOptionsBuilder options) =>
        options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public override Task<long> SizeAsync(CampaignDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("""SELECT pg_database_size(current_database()) AS "Value" """).SingleAsync(ct);

    // The planner's estimate (pg_class.reltuples, kept by autovacuum's ANALYZE) costs nothing whatever the size;
    // a table never analysed yet (-1) is small or new, so it is counted. Table names come from the EF model.
    public override async Task<List<TableRows>> TableRowsAsync(CampaignDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var estimates = await db.Database.SqlQueryRaw<TableEstimate>("""
            SELECT c.relname AS "Table", c.reltuples::bigint AS "Rows" FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
            """).ToDictionaryAsync(e => e.Table, e => e.Rows, ct);
        var rows = new List<TableRows>(tables.Count);
        foreach (var table in tables)
            rows.Add(estimates.TryGetValue(table, out var estimate) && estimate >= 0
                ? new TableRows(table, estimate, true)
                : new TableRows(table, await CountAsync(db, table, ct), false));
        return rows;
    }

    private sealed record TableEstimate(string Table, long Rows);

    private static Task<long> CountAsync(CampaignDbContext db, string table, CancellationToken ct)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
        return db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
    }
}
