namespace Christmas.Core.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary><c>Database:Provider</c>: where the app data and Hangfire live (DESIGN.md "Several instances").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default: two files in <c>Campaign:DataDirectory</c>) or PostgreSql (<c>ConnectionStrings:Postgres</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
