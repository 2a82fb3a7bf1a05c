using Microsoft.Extensions.Logging;

namespace Christmas.Core.Backups;

/// <summary>The scheduled backup (Hangfire, <c>Backup:Schedule</c>). A failure is logged and the job fails, so the dashboard shows it.</summary>
public sealed class BackupJob(SqliteBackupMaker maker, ILogger<BackupJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var made = await maker.MakeAsync(ct);
        if (made.Value is null) throw new InvalidOperationException(made.Error);
        logger.LogInformation("Scheduled backup {File} done", made.Value.File);
    }
}
