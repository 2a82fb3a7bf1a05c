using System.Text;
using Microsoft.Data.Sqlite;

namespace Christmas.Core.Backups;

/// <summary>Is a file a sound SQLite database of this app? Opened read-only and never pooled, so nothing is left holding it.</summary>
public static class SqliteFileCheck
{
    /// <summary>The setting a backup carries: when its copy began (ISO 8601, UTC). Webhooks answered before it are in the copy.</summary>
    public const string BackupTimeKey = "backup.createdAt";

    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Null when sound; else what is wrong, for the operator.</summary>
    public static string? Problem(string file)
    {
        if (!File.Exists(file)) return $"{file} does not exist.";
        var head = new byte[Header.Length];
        using (var stream = File.OpenRead(file))
            if (stream.Read(head, 0, head.Length) != head.Length || !head.AsSpan().SequenceEqual(Header))
                return $"{file} is not a SQLite database.";
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            var integrity = Scalar(connection, "PRAGMA integrity_check;");
            if (integrity != "ok") return $"{file} failed SQLite's integrity check: {integrity}";
            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Steps', 'Contacts');") != "3")
                return $"{file} is a SQLite database but not this app's (no migrations history, Steps or Contacts table).";
            if (Scalar(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\";") == "0")
                return $"{file} has no applied migrations.";
            return null;
        }
        catch (SqliteException ex)
        {
            return $"{file} could not be read as SQLite: {ex.Message}";
        }
    }

    public static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
