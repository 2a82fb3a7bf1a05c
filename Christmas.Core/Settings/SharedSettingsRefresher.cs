using Christmas.Core.Persistence.Dialects;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Settings;

/// <summary>
/// On a database shared by several instances, re-reads the cached settings every
/// <see cref="Interval"/>, so testing mode switched on one instance holds on all within seconds.
/// Real time on purpose: it is a cache's freshness, not a campaign time. Idle on SQLite (one instance).
/// </summary>
public sealed class SharedSettingsRefresher(SqlDialect dialect, TestingModeStore testingMode, ILogger<SharedSettingsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!dialect.Shared) return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await testingMode.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Re-reading the shared settings failed; trying again in {Interval}", Interval);
            }
        }
    }
}
