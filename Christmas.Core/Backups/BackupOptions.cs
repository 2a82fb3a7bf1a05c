namespace Christmas.Core.Backups;

/// <summary><c>Backup:*</c>: online copies of the SQLite database (PostgreSQL is backed up with pg_dump).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the copies go, relative to the content root like <c>Campaign:DataDirectory</c>; empty: <c>backups</c> inside the data directory (<c>data/backups</c>).</summary>
    public string? Directory { get; set; }

    /// <summary>Cron, UTC: when Hangfire makes the scheduled copy.</summary>
    public string Schedule { get; set; } = "0 3 * * *";

    /// <summary>How many copies are kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 14;
}
