using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Christmas.Core.Persistence;

/// <summary>
/// What a unit of work of the <see cref="GroupCommitWriter"/> writes with: an EF context and, on
/// its same connection and transaction, prepared SQL commands. The writer keeps one of these open
/// across batches, so each statement is prepared once, not once per call (preparing a statement
/// costs more than running it).
/// </summary>
public sealed class WriteBatch(CampaignDbContext db, bool reuseCommands = true) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];
    private readonly List<DbCommand> _used = [];
    private DbTransaction? _transaction;

    public CampaignDbContext Db { get; } = db;

    /// <summary>Starts the batch's transaction; every command runs in it.</summary>
    public async Task<IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        foreach (var used in _used) await used.DisposeAsync();
        _used.Clear();
        var tx = await Db.Database.BeginTransactionAsync(ct);
        _transaction = tx.GetDbTransaction();
        foreach (var command in _commands.Values) command.Transaction = _transaction;
        return tx;
    }

    /// <summary>A command for <paramref name="sql"/> without parameters: the prepared one again where the dialect reuses them.</summary>
    public DbCommand Command(string sql)
    {
        if (!reuseCommands)
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

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values.Concat(_used)) await command.DisposeAsync();
        await Db.DisposeAsync();
    }
}
