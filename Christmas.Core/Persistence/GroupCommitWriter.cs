using System.Threading.Channels;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Persistence;

/// <summary>
/// Runs write units of work in batches: one transaction, one commit (one fsync at SQLite's
/// synchronous=FULL) for up to <see cref="MaxBatch"/> queued units. Each caller's task completes
/// only after the commit that holds its writes, so an acknowledged webhook survives a crash.
/// A unit that throws is rolled back to its savepoint and fails alone. On PostgreSQL a unit's writes
/// go with its next read or its end in one round trip (<see cref="WriteBatch"/>): a unit costs a
/// round trip per read and one at its end, not one per statement, and units about different
/// addresses commit on several connections at once (lanes), so one unit's round trips do not hold up the others.
/// </summary>
public sealed class GroupCommitWriter(IDbContextFactory<CampaignDbContext> contexts, SqlDialect dialect, ILogger<GroupCommitWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 512;

    private readonly Lane[] _lanes = Enumerable.Range(0, Math.Max(1, dialect.WriterLanes)).Select(_ => new Lane()).ToArray();

    public Task<T> RunAsync<T>(Func<WriteBatch, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, key: null, cancellationToken);

    /// <param name="key">
    /// What the unit is about (the webhook: the email). Units with one key run one after the other on
    /// one lane; where the dialect has several lanes (<see cref="SqlDialect.WriterLanes"/>), units with
    /// other keys commit beside them. Null: the first lane, with every other unit without a key.
    /// </param>
    public async Task<T> RunAsync<T>(Func<WriteBatch, CancellationToken, Task<T>> work, string? key, CancellationToken cancellationToken)
    {
        var lane = key is null || _lanes.Length == 1 ? _lanes[0]
            : _lanes[(uint)StringComparer.OrdinalIgnoreCase.GetHashCode(key) % (uint)_lanes.Length];
        var item = new WorkItem<T>(work);
        await lane.Queue.Writer.WriteAsync(item, cancellationToken);
        return await item.Result;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _lanes.Length == 1
        ? RunLaneAsync(_lanes[0], stoppingToken)
        : Task.WhenAll(_lanes.Select(lane => Task.Run(() => RunLaneAsync(lane, stoppingToken), CancellationToken.None)));

    private async Task RunLaneAsync(Lane lane, CancellationToken stoppingToken)
    {
        var batch = new List<WorkItem>(MaxBatch);
        try
        {
            while (await lane.Queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && lane.Queue.Reader.TryRead(out var item)) batch.Add(item);
                await CommitAsync(lane, batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await CloseSessionAsync(lane);
            lane.Queue.Writer.TryComplete();
            var stopped = new OperationCanceledException("The application is stopping.");
            foreach (var item in batch) item.Fail(stopped);
            while (lane.Queue.Reader.TryRead(out var item)) item.Fail(stopped);
        }
    }

    private async Task CommitAsync(Lane lane, List<WorkItem> batch, CancellationToken ct)
    {
        var done = new List<WorkItem>(batch.Count);
        var reopen = false;
        try
        {
            var write = lane.Session ??= await OpenSessionAsync(ct);
            var db = write.Db;
            await using var tx = await write.BeginAsync(ct);
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                await write.BeginUnitAsync(ct);
                try
                {
                    await item.ExecuteAsync(write, ct);
                    await write.EndUnitAsync(another: i < batch.Count - 1, ct);
                    done.Add(item);
                }
                catch (Exception ex)
                {
                    await write.RollBackUnitAsync(ct);
                    item.Fail(ex);
                    reopen |= dialect.ReopenAfter(ex);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            await tx.CommitAsync(ct);
        }
        catch (Exception ex)
        {
            // Start the next batch on a fresh connection, whatever state this one was left in.
            dialect.ReopenAfter(ex);
            await CloseSessionAsync(lane);
            logger.LogError(ex, "A group commit of {Count} units failed", batch.Count);
            // Every caller hears of it: those whose unit ran and those it never reached (a failed BEGIN or
            // connection). A unit that failed alone keeps its own error.
            foreach (var item in batch) item.Fail(ex);
            return;
        }
        foreach (var item in done) item.Complete();
        if (reopen) await CloseSessionAsync(lane);
    }

    private async Task<WriteBatch> OpenSessionAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await dialect.PrepareWriterAsync(db, ct);
        return new WriteBatch(db, dialect);
    }

    private static async Task CloseSessionAsync(Lane lane)
    {
        if (lane.Session is null) return;
        await lane.Session.DisposeAsync();
        lane.Session = null;
    }

    /// <summary>One queue, one connection, one transaction at a time.</summary>
    private sealed class Lane
    {
        public Channel<WorkItem> Queue { get; } = Channel.CreateBounded<WorkItem>(
            new BoundedChannelOptions(8 * MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        public WriteBatch? Session { get; set; }
    }

    private abstract class WorkItem
    {
        public abstract Task ExecuteAsync(WriteBatch batch, CancellationToken ct);
        public abstract void Complete();
        public abstract void Fail(Exception ex);
    }

    private sealed class WorkItem<T>(Func<WriteBatch, CancellationToken, Task<T>> work) : WorkItem
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public override async Task ExecuteAsync(WriteBatch batch, CancellationToken ct) => _value = await work(batch, ct);

        public override void Complete() => _result.TrySetResult(_value!);
        public override void Fail(Exception ex) => _result.TrySetException(ex);
    }
}
