using System.Data.Common;

namespace Christmas.Core.Persistence;

/// <summary>
/// Statements queued and run together on one connection and transaction: one round trip as a
/// <see cref="DbBatch"/> where the provider has batches (Npgsql), else one reused, prepared command
/// per SQL text (SQLite, where a statement costs microseconds and preparing it is the expensive part).
/// </summary>
public sealed class StatementBatch(DbConnection connection, DbTransaction transaction)
{
    private readonly List<(string Sql, object?[] Values, bool MustMatch)> _queued = [];

    public int Count => _queued.Count;

    /// <param name="sql">Parameters named <c>@p0</c>, <c>@p1</c>... in the order of <paramref name="values"/>.</param>
    /// <param name="mustMatch">An optimistic-concurrency check: the batch fails if this statement changes no row.</param>
    public void Add(string sql, bool mustMatch, params object?[] values) => _queued.Add((sql, values, mustMatch));

    /// <summary>Runs every queued statement in order; the values of the first column of any rows returned are collected.</summary>
    /// <returns>False when a statement that must match a row matched none (the caller rolls back).</returns>
    public async Task<bool> ExecuteAsync(List<long> returned, CancellationToken ct)
    {
        if (_queued.Count == 0) return true;
        return connection.CanCreateBatch ? await ExecuteAsBatchAsync(returned, ct) : await ExecuteOneByOneAsync(returned, ct);
    }

    private async Task<bool> ExecuteAsBatchAsync(List<long> returned, CancellationToken ct)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, values, _) in _queued)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            do
            {
                while (await reader.ReadAsync(ct)) returned.Add(reader.GetInt64(0));
            } while (await reader.NextResultAsync(ct));
        }
        for (var i = 0; i < _queued.Count; i++)
            if (_queued[i].MustMatch && batch.BatchCommands[i].RecordsAffected == 0) return false;
        return true;
    }

    private async Task<bool> ExecuteOneByOneAsync(List<long> returned, CancellationToken ct)
    {
        var commands = new Dictionary<string, DbCommand>();
        try
        {
            foreach (var (sql, values, mustMatch) in _queued)
            {
                if (!commands.TryGetValue(sql, out var command))
                {
                    commands[sql] = command = connection.CreateCommand();
                    command.CommandText = sql;
                    command.Transaction = transaction;
                    for (var i = 0; i < values.Length; i++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = $"@p{i}";
                        command.Parameters.Add(parameter);
                    }
                }
                for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) returned.Add(reader.GetInt64(0));
                await reader.CloseAsync();
                if (mustMatch && reader.RecordsAffected == 0) return false;
            }
            return true;
        }
        finally
        {
            foreach (var command in commands.Values) await command.DisposeAsync();
        }
    }
}
