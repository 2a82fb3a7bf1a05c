using System.Globalization;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Backups;

/// <summary>
/// One online copy of the SQLite database while webhooks keep being written: <c>VACUUM INTO</c> reads one
/// consistent snapshot (a file copy of the database and its -wal can be torn). The copy is stamped with its time,
/// checked with <c>PRAGMA integrity_check</c>, then renamed into place; older copies beyond <c>Backup:Keep</c> go.
/// </summary>
public sealed class SqliteBackupMaker(SqlDialect dialect, DataPaths paths, BackupFolder folder, IOptions<BackupOptions> options,
    TimeProvider time, ILogger<SqliteBackupMaker> logger)
{
    public const string PostgresMessage =
        "The database is PostgreSQL: back it up with pg_dump -Fc and restore with pg_restore --clean --if-exists (README, \"Backups and restore\").";

    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<Outcome<BackupEntry>> MakeAsync(CancellationToken ct)
    {
        if (dialect is not SqliteDialect) return Outcome<BackupEntry>.Conflict(PostgresMessage);
        await _one.WaitAsync(ct);
        try
        {
            return await Task.Run(Make, ct);
        }
        finally
        {
            _one.Release();
        }
    }

    private Outcome<BackupEntry> Make()
    {
        Directory.CreateDirectory(folder.Directory);
        var started = time.GetUtcNow().UtcDateTime;
        var name = folder.NewName(started);
        var final = Path.Combine(folder.Directory, name);
        var temporary = final + ".partial";
        try
        {
            using (var source = SqliteFileCheck.Open(paths.AppDatabase, SqliteOpenMode.ReadOnly))
            using (var vacuum = source.CreateCommand())
            {
                vacuum.CommandText = "VACUUM INTO $path;";
                vacuum.Parameters.AddWithValue("$path", temporary);
                vacuum.CommandTimeout = 0;
                vacuum.ExecuteNonQuery();
            }
            Stamp(temporary, started);
            if (SqliteFileCheck.Problem(temporary) is { } problem)
            {
                File.Delete(temporary);
                logger.LogError("Backup {File} refused: {Problem}", name, problem);
                return Outcome<BackupEntry>.Conflict($"The copy failed its check and was deleted: {problem}");
            }
            File.Move(temporary, final);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            logger.LogError(ex, "Backup {File} failed", name);
            return Outcome<BackupEntry>.Conflict($"The backup failed: {ex.Message}");
        }
        Prune();
        var entry = new BackupEntry(name, started, new FileInfo(final).Length);
        logger.LogInformation("Backup {File} made: {Bytes} bytes", name, entry.Bytes);
        return Outcome<BackupEntry>.Ok(entry);
    }

    /// <summary>The copy carries the moment it began, which a restore reads (its file may have been renamed).</summary>
    private static void Stamp(string file, DateTime at)
    {
        using var copy = SqliteFileCheck.Open(file, SqliteOpenMode.ReadWrite);
        using var command = copy.CreateCommand();
        command.CommandText = """INSERT OR REPLACE INTO "Settings" ("Key", "Value", "UpdatedAt") VALUES ($key, $value, $at);""";
        command.Parameters.AddWithValue("$key", SqliteFileCheck.BackupTimeKey);
        command.Parameters.AddWithValue("$value", at.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$at", at);
        command.ExecuteNonQuery();
    }

    private void Prune()
    {
        var keep = Math.Max(1, options.Value.Keep);
        foreach (var old in folder.List().Skip(keep))
        {
            File.Delete(Path.Combine(folder.Directory, old.File));
            logger.LogInformation("Backup {File} deleted (Backup:Keep is {Keep})", old.File, keep);
        }
    }
}
