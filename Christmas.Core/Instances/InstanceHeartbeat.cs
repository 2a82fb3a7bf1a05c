using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Instances;

/// <summary>
/// On a shared database, renews this instance's row every <see cref="SchedulerOptions.HeartbeatInterval"/>:
/// while it does, its claimed sends are its own however long they take. A loop of its own, so a slow
/// dispatch or a busy worker pool never delays the beat. Idle on SQLite (one instance).
/// </summary>
public sealed class InstanceHeartbeat(
    IDbContextFactory<CampaignDbContext> contexts,
    SqlDialect dialect,
    ThisInstance self,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!dialect.Shared) return;
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Renewing this instance's heartbeat failed; trying again in {Interval}", options.Value.HeartbeatInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task BeatAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Instances.Where(i => i.Id == self.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.HeartbeatAt, now), ct) > 0) return;
        // The first beat, or the row was forgotten while this instance was silent (its claims were released then).
        db.Instances.Add(new Instance(self.Id, now));
        await db.SaveChangesAsync(ct);
    }
}
