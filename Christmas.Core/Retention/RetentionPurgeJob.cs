using Hangfire;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Retention;

/// <summary>
/// The daily purge as a Hangfire recurring job (<c>Retention:Schedule</c>): Hangfire starts it on one instance.
/// Not retried by Hangfire: a failed run leaves nothing half done (each batch commits or not), and the next
/// day's run, or "Purge now", picks up where it stopped.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RetentionPurgeJob(RetentionPurge purge, ILogger<RetentionPurgeJob> logger)
{
    public const string RecurringJobId = "retention-purge";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await purge.RunAsync(RetentionPurge.ScheduledBy, cancellationToken) is null)
            logger.LogInformation("Retention purge skipped: another instance is purging");
    }
}
