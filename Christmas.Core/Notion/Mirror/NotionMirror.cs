using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// The one loop that writes to Notion: reads the change feed into the <see cref="MirrorWindow"/>, then
/// writes the waiting pages oldest first within the shared request budget. When Notion is down or
/// rate-limits us, the loop pauses (Retry-After, else doubling up to <see cref="NotionOptions.MaxBackoff"/>)
/// and nothing is lost: the feed's cursor stays behind every page not yet written. A page Notion refuses
/// (a bad value) is kept pending in the database and tried again a few minutes later; the others go on.
/// The only writes to our database are one per page written and the cursor's moves, through the webhooks'
/// own writer. Runs on the real clock: Notion's limits and outages are in real seconds.
/// </summary>
public sealed class NotionMirror(
    IDbContextFactory<CampaignDbContext> contexts,
    MirrorFeed feed,
    MirrorWindow window,
    GroupCommitWriter commits,
    NotionSchemas schemas,
    NotionClients clients,
    NotionMirrorState state,
    LeaseKeeper leases,
    IOptions<NotionOptions> options,
    ILogger<NotionMirror> logger) : BackgroundService
{
    /// <summary>The lease that makes one instance of several write to Notion.</summary>
    public const string LeaseName = "notion-mirror";
    public const int DrainBatch = 25;
    // Reading is cheap (no writes); the cap bounds the memory a huge backlog takes.
    private const int MaxWindow = 200_000;
    private const int MaxReadsPerTurn = 25;
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
                if (!await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    // Another instance mirrors; if this one takes over, it starts again from the shared cursor.
                    window.Reset();
                    await Task.Delay(o.PollInterval, stoppingToken);
                    continue;
                }
                // The feed first: its cursor exists from the first second, whatever Notion is doing.
                var read = 0;
                for (var turn = 0; turn < MaxReadsPerTurn && window.Count < MaxWindow; turn++)
                {
                    var taken = await feed.ReadAsync(Now(), stoppingToken);
                    read += taken;
                    if (taken < MirrorFeed.BatchSize) break;
                }
                await schemas.EnsureAsync(stoppingToken);
                var synced = await DrainAsync(stoppingToken);
                await feed.SaveCursorAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (read == 0 && synced == 0) await Task.Delay(o.PollInterval, stoppingToken);
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
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ContactsDatabaseId)) window.Discard(NotionPageKind.Contact);
        if (string.IsNullOrWhiteSpace(o.SequenceTrackerDatabaseId)) window.Discard(NotionPageKind.Sequence);
        // A database that is not usable (yet) keeps its pages waiting without blocking the other's.
        var kinds = new[] { NotionPageKind.Contact, NotionPageKind.Sequence }.Where(k => MappingFor(k) is { IsUsable: true }).ToList();
        if (kinds.Count == 0) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now();
        var oldest = window.Oldest(DrainBatch, kinds);
        var contactIds = oldest.Where(k => k.Kind == NotionPageKind.Contact).Select(k => k.Id).ToList();
        var sequenceIds = oldest.Where(k => k.Kind == NotionPageKind.Sequence).Select(k => k.Id).ToList();
        var known = await db.NotionPages.AsNoTracking()
            .Where(p => (p.Kind == NotionPageKind.Contact && contactIds.Contains(p.EntityId)) || (p.Kind == NotionPageKind.Sequence && sequenceIds.Contains(p.EntityId)))
            .ToDictionaryAsync(p => (p.Kind, p.EntityId), ct);
        var work = oldest.Select(k => known.GetValueOrDefault(k) ?? new NotionPageLink(k.Kind, k.Id)).ToList();
        // Pages Notion refused earlier, once their wait is over.
        work.AddRange((await db.NotionPages.AsNoTracking().Where(p => p.Pending && kinds.Contains(p.Kind) && p.RetryAt <= now)
            .OrderBy(p => p.RetryAt).Take(DrainBatch).ToListAsync(ct)).Where(p => !window.Contains(p.Kind, p.EntityId)));

        var pages = new NotionPageWriter(clients.Create());
        var synced = 0;
        foreach (var link in work)
        {
            // Renewed before every write, so a slow Notion never lets a second instance write the same page.
            if (!await leases.HoldAsync(LeaseName, ct)) break;
            try
            {
                var content = await PageContentLoader.LoadAsync(db, link, ct);
                if (content is { Erased: true })
                {
                    // Erased on request: the page goes to Notion's trash (through this loop, like every Notion write).
                    await pages.TrashAsync(link, ct);
                    link.MarkTrashed(Now());
                    state.Synced(_clock.GetUtcNow());
                    synced++;
                }
                else if (content is not null)
                {
                    var page = await pages.WriteAsync(link, MappingFor(link.Kind)!, content, ct);
                    link.MarkSynced(page.Id, page.Url, Now());
                    state.Synced(_clock.GetUtcNow());
                    synced++;
                }
                else link.Drop();
            }
            catch (NotionApiException ex) when (!ex.StopsEveryPage)
            {
                link.MarkPending(Now());
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
            window.Remove(link.Kind, link.EntityId);
        }
        return synced;
    }

    /// <summary>
    /// Through the webhooks' writer: one writer, no lock to wait for. Only this loop writes these rows and it
    /// does one thing at a time, so the whole row can be written (a new one is inserted).
    /// </summary>
    private Task SaveAsync(NotionPageLink link) => commits.RunAsync(async (batch, token) =>
    {
        if (link.Id == 0 && link.PageId is null && !link.Pending) return 0; // gone before it was ever written: nothing to keep
        batch.Db.NotionPages.Update(link);
        return await batch.Db.SaveChangesAsync(token);
    }, CancellationToken.None);

    private DatabaseMapping? MappingFor(NotionPageKind kind) =>
        kind == NotionPageKind.Contact ? schemas.Contacts : schemas.SequenceTracker;

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;
}
