using Christmas.Core.Persistence.Dialects;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Backups;

/// <summary>Registers the recurring backup with Hangfire at start (UTC); on PostgreSQL there is none (pg_dump's job).</summary>
public sealed class BackupSchedule(IRecurringJobManager recurring, SqlDialect dialect, IOptions<BackupOptions> options) : IHostedService
{
    public const string JobId = "backup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (dialect is SqliteDialect)
            recurring.AddOrUpdate<BackupJob>(JobId, job => job.RunAsync(CancellationToken.None), options.Value.Schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        else
            recurring.RemoveIfExists(JobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
