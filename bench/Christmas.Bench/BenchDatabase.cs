using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Christmas.Bench;

/// <summary>
/// The app's database for the seeders and the lag reader: the SQLite file (<c>--db</c>) or a
/// PostgreSQL database (<c>--pg</c> connection string). SQL is written once, with quoted
/// identifiers and <c>@name</c> parameters, which both read the same way; only values differ
/// (EF Core stores times and decimals as text on SQLite, typed on PostgreSQL).
/// </summary>
public sealed partial class BenchDatabase : IDisposable
{
    private readonly bool _postgres;

    private BenchDatabase(DbConnection connection, bool postgres) => (Connection, _postgres) = (connection, postgres);

    public DbConnection Connection { get; }

    public static BenchDatabase Open(Options options, bool readOnly)
    {
        if (options.Find("pg") is { } connectionString)
        {
            var pg = new NpgsqlConnection(connectionString);
            pg.Open();
            return new BenchDatabase(pg, postgres: true);
        }
        return new BenchDatabase(Db.Open(options.Text("db"), readOnly), postgres: false);
    }

    public object Time(DateTime utc) => _postgres ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : Db.Time(utc);

    public object Money(decimal value) => _postgres ? value : value.ToString("0.0", CultureInfo.InvariantCulture);

    public DateTime ReadTime(DbDataReader reader, int ordinal) =>
        _postgres ? reader.GetDateTime(ordinal) : Db.ParseTime(reader.GetString(ordinal));

    /// <summary>A command with a parameter for every <c>@name</c> in <paramref name="sql"/>; prepared on SQLite
    /// (Npgsql re-plans when a parameter's type changes between rows, e.g. from NULL to a value, so it is not).</summary>
    public DbCommand Prepare(DbTransaction tx, string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        if (!_postgres) command.Prepare();
        return command;
    }

    public static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    public void Dispose() => Connection.Dispose();

    [GeneratedRegex(@"@[a-z0-9]+")]
    private static partial Regex ParameterName();
}
