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

    public override string Describe()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public override void Configure(DbContextOptionsBuilder options) =>
        options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly));
}
