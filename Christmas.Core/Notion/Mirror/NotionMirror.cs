using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// The one loop that writes to Notion: takes in the change feed, then syncs pending pages oldest first
/// within the shared request budget. When Notion is down or rate-limits us, the loop pauses (Retry-After,
/// else doubling up to <see cref="NotionOptions.MaxBackoff"/>) and nothing is lost: pending pages stay
/// pending in the database. A page Notion refuses (a bad value) waits a few minutes; the others go on.
/// Runs on the real clock: Notion's limits and outages are in real seconds.
/// </summary>
public sealed class NotionMirror(
    IDbContextFactory<CampaignDbContext> contexts,
    MirrorFeed feed,
    GroupCommitWriter commits,
    NotionSchemas schemas,
    NotionClients clients,
    NotionMirrorState state,
    IOptions<NotionOptions> options,
    ILogger<NotionMirror> logger) : BackgroundService
{
    public const int DrainBatch = 25;
    // Enough to catch up with a burst of webhooks between two drains, few enough to get to Notion soon.
    private const int MaxAbsorbed = 50 * MirrorFeed.BatchSize;
    private static readonly TimeSpan DrainSlice = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefusedPageRetry = TimeSpan.FromMinutes(5);
    private readonly TimeProvider _clock = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.IsConfigured) return; // nothing Notion runs, logs or fails without a token
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schemas.EnsureAsync(stoppingToken);
                var absorbed = 0;
                for (int taken; (taken = await feed.AbsorbAsync(Now(), stoppingToken)) > 0 && absorbed < MaxAbsorbed;) absorbed += taken;
                var synced = await DrainAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (absorbed == 0 && synced == 0) await Task.Delay(o.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NotionApiException ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, o.MaxBackoff.Ticks));
                var pause = ex.RetryAfter is { } after && after > backoff ? after : backoff;
                state.Failed(ex.Message, _clock.GetUtcNow(), _clock.GetUtcNow() + pause);
                logger.LogWarning("Notion is not answering well ({Error}); the mirror pauses {Pause} s and keeps its backlog", ex.Message, pause.TotalSeconds);
                await Task.Delay(pause, stoppingToken);
            }
            catch (Exception ex)
            {
                state.Failed(ex.Message, _clock.GetUtcNow(), _clock.GetUtcNow() + o.MaxBackoff);
                logger.LogError(ex, "The Notion mirror failed; trying again shortly");
                await Task.Delay(o.MaxBackoff, stoppingToken);
            }
        }
    }

    /// <returns>How many pages were brought up to date.</returns>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        // A database that is not configured or not usable keeps its pages pending without blocking the other's.
        var kinds = new[] { NotionPageKind.Contact, NotionPageKind.Sequence }.Where(k => MappingFor(k) is { IsUsable: true }).ToList();
        if (kinds.Count == 0) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now();
        var pending = await db.NotionPages.AsNoTracking().Where(p => p.Pending && kinds.Contains(p.Kind) && (p.RetryAt == null || p.RetryAt <= now))
            .OrderBy(p => p.PendingSince).ThenBy(p => p.Id).Take(DrainBatch).ToListAsync(ct);
        var pages = new NotionPageWriter(clients.Create());
        var synced = 0;
        var until = _clock.GetUtcNow() + DrainSlice;
        foreach (var link in pending)
        {
            // Back to the feed now and then: under load its changes coalesce into pages already pending.
            if (_clock.GetUtcNow() > until) break;
            var mapping = MappingFor(link.Kind)!;
            try
            {
                if (await PageContentLoader.LoadAsync(db, link, ct) is { } content)
                {
                    var page = await pages.WriteAsync(link, mapping, content, ct);
                    link.MarkSynced(page.Id, page.Url, Now());
                    state.Synced(_clock.GetUtcNow());
                    synced++;
                }
                else link.Drop();
            }
            catch (NotionApiException ex) when (!ex.StopsEveryPage)
            {
                link.MarkFailed(ex.Message, Now() + RefusedPageRetry);
                state.Failed(ex.Message, _clock.GetUtcNow(), null);
                logger.LogWarning("Notion refused the {Kind} page of {EntityId}: {Error}", link.Kind, link.EntityId, ex.Message);
            }
            catch (NotionApiException ex)
            {
                // Notion's trouble, not this page's: keep what was learnt (a found page id), then pause the loop.
                link.MarkFailed(ex.Message, Now());
                await SaveAsync(link);
                throw;
            }
            // One commit per page, before the next request: a page id Notion gave us is kept.
            await SaveAsync(link);
        }
        return synced;
    }

    /// <summary>
    /// Through the webhooks' writer: one writer, no lock to wait for. Only this loop writes these rows and it
    /// does one thing at a time, so the whole row can be written.
    /// </summary>
    private Task SaveAsync(NotionPageLink link) => commits.RunAsync(async (batch, token) =>
    {
        batch.Db.NotionPages.Update(link);
        return await batch.Db.SaveChangesAsync(token);
    }, CancellationToken.None);

    private DatabaseMapping? MappingFor(NotionPageKind kind) =>
        kind == NotionPageKind.Contact ? schemas.Contacts : schemas.SequenceTracker;

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;
}
