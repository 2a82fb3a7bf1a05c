using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Retention;

/// <summary>
/// Puts the purge on Hangfire's recurring schedule at start (every instance writes the same entry; Hangfire runs
/// it once per due time), or takes it off when <c>Retention:Schedule</c> is empty.
/// </summary>
public sealed class RetentionSchedule(IRecurringJobManager recurring, IOptions<RetentionOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cron = options.Value.Schedule?.Trim();
        if (string.IsNullOrEmpty(cron))
        {
            recurring.RemoveIfExists(RetentionPurgeJob.RecurringJobId);
            return Task.CompletedTask;
        }
        try
        {
            recurring.AddOrUpdate<RetentionPurgeJob>(RetentionPurgeJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"Retention:Schedule \"{cron}\" is not a cron expression (five fields, UTC, default \"30 3 * * *\"; empty turns the daily purge off).", ex);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
