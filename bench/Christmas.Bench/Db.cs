using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Christmas.Bench;

/// <summary>Direct access to the app's SQLite file, in the formats EF Core writes.</summary>
public static class Db
{
    /// <summary>EF Core's SQLite text format for DateTime; the dispatcher compares these strings, so seeds must match it exactly.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>Email prefix of the contacts whose steps the lag figure measures (seeded by seed-lag, read by lag).</summary>
    public const string LagEmailPrefix = "lag-due-";

    public static string Time(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    // No pooling: the file is handed to the app right after, with no connection of ours left open.
    public static SqliteConnection Open(string path, bool readOnly)
    {
        if (!File.Exists(path)) throw new ArgumentException($"No database at {path}.");
        var mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
