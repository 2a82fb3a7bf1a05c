using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Christmas.Core.Persistence;

/// <summary>
/// What a unit of work of the <see cref="GroupCommitWriter"/> writes with: an EF context and, on
/// its same connection and transaction, prepared SQL commands. The writer keeps one of these open
/// across batches, so each statement is prepared once, not once per call (preparing a statement
/// costs more than running it).
/// </summary>
public sealed class WriteBatch(CampaignDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public CampaignDbContext Db { get; } = db;

    /// <summary>Starts the batch's transaction; every command runs in it.</summary>
    public async Task<IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        var tx = await Db.Database.BeginTransactionAsync(ct);
        _transaction = (SqliteTransaction)tx.GetDbTransaction();
        foreach (var command in _commands.Values) command.Transaction = _transaction;
        return tx;
    }

    /// <summary>A prepared command for <paramref name="sql"/>, its parameters cleared for this use.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = (SqliteCommand)Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        await Db.DisposeAsync();
    }
}
