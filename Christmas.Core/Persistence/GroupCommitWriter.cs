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
/// round trip per read and one at its end, not one per statement.
/// </summary>
public sealed class GroupCommitWriter(IDbContextFactory<CampaignDbContext> contexts, SqlDialect dialect, ILogger<GroupCommitWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 512;

    private WriteBatch? _session;

    private readonly Channel<WorkItem> _queue = Channel.CreateBounded<WorkItem>(
        new BoundedChannelOptions(8 * MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<T> RunAsync<T>(Func<WriteBatch, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work);
        await _queue.Writer.WriteAsync(item, cancellationToken);
        return await item.Result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WorkItem>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await CloseSessionAsync();
            _queue.Writer.TryComplete();
            var stopped = new OperationCanceledException("The application is stopping.");
            foreach (var item in batch) item.Fail(stopped);
            while (_queue.Reader.TryRead(out var item)) item.Fail(stopped);
        }
    }

    private async Task CommitAsync(List<WorkItem> batch, CancellationToken ct)
    {
        var done = new List<WorkItem>(batch.Count);
        try
        {
            var write = _session ??= await OpenSessionAsync(ct);
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
            await CloseSessionAsync();
            logger.LogError(ex, "A group commit of {Count} units failed", done.Count);
            foreach (var item in done) item.Fail(ex);
            return;
        }
        foreach (var item in done) item.Complete();
    }

    private async Task<WriteBatch> OpenSessionAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await dialect.PrepareWriterAsync(db, ct);
        return new WriteBatch(db, dialect);
    }

    private async Task CloseSessionAsync()
    {
        if (_session is null) return;
        await _session.DisposeAsync();
        _session = null;
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
