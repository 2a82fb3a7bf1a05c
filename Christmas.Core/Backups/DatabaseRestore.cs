using System.Globalization;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace Christmas.Core.Backups;

/// <summary>
/// Puts a backup in place of the SQLite database (the app must be stopped). The file is checked first and
/// nothing changes when it is refused. The backup is prepared beside the database under a temporary name
/// (every unsent step held, the restore audited), then the current files are kept aside and it is renamed in.
/// </summary>
/// <remarks>
/// Held: every step that was still to go in the backup (scheduled, being sent, or waiting in a batch). Any of
/// them may have gone out between the backup and the restore (due then, a retry, an operator's "send now", a
/// publish that moved it earlier), and the provider's idempotency keys only catch a second send within 24 hours.
/// </remarks>
public sealed class DatabaseRestore(DataPaths paths, RunningAppLock running, TimeProvider time)
{
    public const string Actor = "restore";

    public Outcome<RestoreResult> Restore(string file)
    {
        var backup = Path.GetFullPath(file);
        if (SqliteFileCheck.Problem(backup) is { } problem) return Outcome<RestoreResult>.Invalid(problem);
        if (string.Equals(backup, paths.AppDatabase, StringComparison.Ordinal))
            return Outcome<RestoreResult>.Invalid($"{backup} is the database itself; name a backup file.");
        // Held to the end, so an app started meanwhile stops at once instead of opening files half moved.
        using var alone = running.TryTakeExclusively();
        if (alone is null)
            return Outcome<RestoreResult>.Invalid($"the app is running on {paths.Directory} (it holds {running.File}); stop every instance first.");

        var now = time.GetUtcNow().UtcDateTime;
        Directory.CreateDirectory(paths.Directory);
        var prepared = paths.AppDatabase + ".restoring";
        int held;
        (DateTime At, string Source) backupTime;
        try
        {
            File.Copy(backup, prepared, overwrite: true);
            using (var db = SqliteFileCheck.Open(prepared, SqliteOpenMode.ReadWrite))
            {
                backupTime = BackupTime(db, backup);
                held = Execute(db, """UPDATE "Steps" SET "Status" = 'Held' WHERE "Status" IN ('Scheduled', 'Sending');""");
                Audit(db, now, Path.GetFileName(backup),
                    $"backup of {backupTime.At:yyyy-MM-dd HH:mm:ss} UTC ({backupTime.Source}); {held} unsent step(s) held");
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (File.Exists(prepared)) File.Delete(prepared);
            return Outcome<RestoreResult>.Invalid($"{backup} could not be prepared: {ex.Message}");
        }

        var stamp = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var aside = new List<string>();
        foreach (var current in new[] { paths.AppDatabase, paths.HangfireDatabase }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            if (!File.Exists(current)) continue;
            var moved = $"{current}.before-restore-{stamp}";
            File.Move(current, moved);
            aside.Add(moved);
        }
        File.Move(prepared, paths.AppDatabase);
        return Outcome<RestoreResult>.Ok(new RestoreResult(backup, backupTime.At, backupTime.Source, held, paths.AppDatabase, aside));
    }

    /// <summary>The stamp a backup of ours carries; else the time in its file name; else when the file was last written.</summary>
    private static (DateTime, string) BackupTime(SqliteConnection db, string file)
    {
        using var command = db.CreateCommand();
        command.CommandText = """SELECT "Value" FROM "Settings" WHERE "Key" = $key;""";
        command.Parameters.AddWithValue("$key", SqliteFileCheck.BackupTimeKey);
        if (command.ExecuteScalar() is string value
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamped))
            return (stamped, "stamped in the backup");
        if (BackupFolder.TimeInName(file) is { } named) return (named, "from the file name");
        return (File.GetLastWriteTimeUtc(file), "the file's modification time");
    }

    private static int Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static void Audit(SqliteConnection db, DateTime now, string file, string detail)
    {
        using var command = db.CreateCommand();
        command.CommandText = """INSERT INTO "AuditEntries" ("At", "Actor", "Action", "Target", "Detail") VALUES ($at, $actor, 'backup.restore', $target, $detail);""";
        command.Parameters.AddWithValue("$at", now);
        command.Parameters.AddWithValue("$actor", Actor);
        command.Parameters.AddWithValue("$target", file);
        command.Parameters.AddWithValue("$detail", detail);
        command.ExecuteNonQuery();
    }
}
