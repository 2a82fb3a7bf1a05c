using System.Data.Common;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Christmas.Core.Persistence;

/// <summary>
/// What a unit of work of the <see cref="GroupCommitWriter"/> writes with: an EF context and, on
/// its same connection and transaction, prepared SQL commands. The writer keeps one of these open
/// across batches, so each statement is prepared once, not once per call (preparing a statement
/// costs more than running it).
/// Where the dialect batches statements (<see cref="SqlDialect.BatchesStatements"/>), writes through
/// <see cref="WriteAsync"/> are held and sent with the unit's next read or with its end, in one round
/// trip; elsewhere every statement runs when asked, as before.
/// </summary>
public sealed class WriteBatch(CampaignDbContext db, SqlDialect dialect) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];
    private readonly List<DbCommand> _used = [];
    private readonly DeferredWrites? _deferred = dialect.BatchesStatements ? new DeferredWrites(db.Database.GetDbConnection()) : null;
    private readonly bool _reuseCommands = dialect.ReuseCommands;
    private DbTransaction? _transaction;

    // Batching dialect only: whether the savepoint "unit" exists now. A unit's end opens the next
    // unit's savepoint in the same round trip, and a rollback to it keeps it.
    private bool _savepointOpen;

    public CampaignDbContext Db { get; } = db;

    /// <summary>True when writes are held until the unit's next read or end (see <see cref="FlushAsync"/>).</summary>
    public bool DefersWrites => _deferred is not null;

    /// <summary>The dialect's query for ids taken ahead (<see cref="SqlDialect.NextIdsSql"/>); null where inserts return them.</summary>
    public string? NextIdsSql => dialect.NextIdsSql;

    /// <summary>Starts the batch's transaction; every command runs in it.</summary>
    public async Task<IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        foreach (var used in _used) await used.DisposeAsync();
        _used.Clear();
        _deferred?.Discard();
        _savepointOpen = false;
        var tx = await Db.Database.BeginTransactionAsync(ct);
        _transaction = tx.GetDbTransaction();
        foreach (var command in _commands.Values) command.Transaction = _transaction;
        return tx;
    }

    /// <summary>A command for <paramref name="sql"/> without parameters: the prepared one again where the dialect reuses them.</summary>
    public DbCommand Command(string sql)
    {
        if (!_reuseCommands)
        {
            var fresh = Db.Database.GetDbConnection().CreateCommand();
            fresh.CommandText = sql;
            fresh.Transaction = _transaction;
            _used.Add(fresh);
            return fresh;
        }
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// A write whose result nobody reads: run now, or held for the unit's next read or end where the
    /// dialect batches. It must return no rows. Its failure may then surface at that later statement;
    /// the writer rolls the whole unit back either way.
    /// </summary>
    public async Task WriteAsync(DbCommand command, CancellationToken ct)
    {
        if (_deferred is null) await command.ExecuteNonQueryAsync(ct);
        else _deferred.Add(command);
    }

    /// <summary>
    /// Runs <paramref name="queries"/> (each returning rows) after the held writes, in one round trip
    /// where the dialect batches, else one after the other; <paramref name="read"/> is given each one's
    /// rows in order (index, reader).
    /// </summary>
    public async Task ReadAsync(IReadOnlyList<DbCommand> queries, Func<int, DbDataReader, Task> read, CancellationToken ct)
    {
        if (_deferred is null)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                await using var reader = await queries[i].ExecuteReaderAsync(ct);
                await read(i, reader);
            }
            return;
        }
        foreach (var query in queries) _deferred.Add(query);
        await _deferred.ReadAsync(_transaction, async reader =>
        {
            for (var i = 0; i < queries.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(ct)) throw new InvalidOperationException($"Query {i} of the batch returned no result set.");
                await read(i, reader);
            }
        }, ct);
    }

    /// <summary>The first column of the first row of <paramref name="query"/> (null when none), after the held writes.</summary>
    public async Task<object?> ScalarAsync(DbCommand query, CancellationToken ct)
    {
        if (_deferred is null) return await query.ExecuteScalarAsync(ct);
        object? value = null;
        await ReadAsync([query], async (_, r) => { if (await r.ReadAsync(ct)) value = r.IsDBNull(0) ? null : r.GetValue(0); }, ct);
        return value;
    }

    /// <summary>Sends the held writes now: before the unit reads or writes through <see cref="Db"/> or a command of its own.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_deferred is not null) await _deferred.ExecuteAsync(_transaction, ct);
    }

    /// <summary>Marks where a unit starts: what <see cref="RollBackUnitAsync"/> returns to.</summary>
    public async Task BeginUnitAsync(CancellationToken ct)
    {
        // Savepoints as prepared commands: through EF's API they cost as much as a unit's inserts.
        if (_deferred is null) await Command("SAVEPOINT unit").ExecuteNonQueryAsync(ct);
        else if (!_savepointOpen)
        {
            await Command("SAVEPOINT unit").ExecuteNonQueryAsync(ct);
            _savepointOpen = true;
        }
    }

    /// <summary>Ends a unit that succeeded: its held writes and the savepoint's release (and the next unit's savepoint) in one round trip.</summary>
    /// <param name="another">Whether another unit follows in this transaction.</param>
    public async Task EndUnitAsync(bool another, CancellationToken ct)
    {
        if (_deferred is null)
        {
            await Command("RELEASE unit").ExecuteNonQueryAsync(ct);
            return;
        }
        _deferred.Add(Command("RELEASE unit"));
        if (another) _deferred.Add(Command("SAVEPOINT unit"));
        await _deferred.ExecuteAsync(_transaction, ct); // on failure the unit's savepoint is still there to roll back to
        _savepointOpen = another;
    }

    /// <summary>Undoes a unit that failed, whatever of it was sent; the transaction goes on with the next unit.</summary>
    public async Task RollBackUnitAsync(CancellationToken ct)
    {
        if (_deferred is null)
        {
            await Command("ROLLBACK TO unit").ExecuteNonQueryAsync(ct);
            await Command("RELEASE unit").ExecuteNonQueryAsync(ct);
            return;
        }
        _deferred.Discard();
        // A rollback to a savepoint keeps it: it is the next unit's.
        if (_savepointOpen) await Command("ROLLBACK TO unit").ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values.Concat(_used)) await command.DisposeAsync();
        await Db.DisposeAsync();
    }
}
