using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Christmas.Core.Persistence;

/// <summary>
/// What a unit of work of the <see cref="GroupCommitWriter"/> writes with: an EF context and, on
/// its same connection and transaction, prepared SQL commands reused by every unit of the batch
/// (preparing a statement costs more than running it).
/// </summary>
public sealed class WriteBatch(CampaignDbContext db) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public CampaignDbContext Db { get; } = db;

    /// <summary>A prepared command for <paramref name="sql"/>, its parameters cleared for this use.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = (SqliteCommand)Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = (SqliteTransaction)Db.Database.CurrentTransaction!.GetDbTransaction();
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
    }
}
