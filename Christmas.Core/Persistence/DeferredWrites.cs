using System.Data.Common;

namespace Christmas.Core.Persistence;

/// <summary>
/// Statements held back and then sent as one <see cref="DbBatch"/>: one round trip for what would
/// be one per statement. Npgsql still prepares each statement by its text (auto-prepare).
/// </summary>
public sealed class DeferredWrites(DbConnection connection)
{
    private DbBatch? _batch;

    /// <summary>Holds <paramref name="command"/>'s text and parameter values as they are now.</summary>
    public void Add(DbCommand command)
    {
        _batch ??= connection.CreateBatch();
        var statement = _batch.CreateBatchCommand();
        statement.CommandText = command.CommandText;
        foreach (DbParameter given in command.Parameters)
        {
            var parameter = statement.CreateParameter();
            parameter.ParameterName = given.ParameterName;
            parameter.Value = given.Value;
            statement.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(statement);
    }

    public void Discard()
    {
        _batch?.Dispose();
        _batch = null;
    }

    /// <summary>Sends the held statements (nothing when none); they are no longer held, whatever the outcome.</summary>
    public async Task ExecuteAsync(DbTransaction? transaction, CancellationToken ct)
    {
        if (_batch is null) return;
        await using var batch = Take(transaction);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Sends the held statements; <paramref name="read"/> gets the reader at the first that returns rows
    /// (a statement without rows, an INSERT or a SAVEPOINT, gives no result set).
    /// </summary>
    public async Task ReadAsync(DbTransaction? transaction, Func<DbDataReader, Task> read, CancellationToken ct)
    {
        await using var batch = Take(transaction);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await read(reader);
    }

    private DbBatch Take(DbTransaction? transaction)
    {
        var batch = _batch ?? connection.CreateBatch();
        _batch = null;
        batch.Transaction = transaction;
        return batch;
    }
}
