using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Changes;

/// <summary>
/// Keeps the change feed small: once an hour, rows older than <see cref="Retention"/> that every
/// consumer has read are deleted (with no consumer yet, rows older than that go: a consumer that
/// joins later starts with a full resync). A consumer that stopped reading keeps its rows.
/// </summary>
public sealed class ChangeFeedPruner(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time, ILogger<ChangeFeedPruner> logger)
    : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private const int Chunk = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
                await Task.Delay(Every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Pruning the change feed failed; trying again in an hour");
                await Task.Delay(Every, stoppingToken);
            }
        }
    }

    /// <returns>How many rows were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cutoff = time.GetUtcNow().UtcDateTime - Retention;
        var read = await db.ChangeCursors.Select(c => (long?)c.Position).MinAsync(ct) ?? long.MaxValue;
        var last = await db.Changes.Where(c => c.At < cutoff && c.Id <= read).MaxAsync(c => (long?)c.Id, ct);
        if (last is null) return 0;
        var deleted = 0;
        // In chunks, so the webhook's writer never waits long for the lock.
        for (var from = await db.Changes.MinAsync(c => c.Id, ct); from <= last; from += Chunk)
        {
            var to = Math.Min(from + Chunk - 1, last.Value);
            deleted += await db.Changes.Where(c => c.Id >= from && c.Id <= to && c.At < cutoff).ExecuteDeleteAsync(ct);
        }
        if (deleted > 0) logger.LogInformation("Pruned {Count} change feed rows older than {Cutoff:O}", deleted, cutoff);
        return deleted;
    }
}
