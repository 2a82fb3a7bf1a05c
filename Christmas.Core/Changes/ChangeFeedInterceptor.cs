using System.Runtime.CompilerServices;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Christmas.Core.Changes;

/// <summary>
/// Appends a <see cref="Change"/> for every contact, sequence or step an EF save adds, modifies or
/// deletes, in the save's own transaction, so no writer has to remember the feed. A new row's id is
/// known only after the insert, so the feed rows are written after the save: when the caller has no
/// transaction, one is opened before the save and committed after the feed rows.
/// </summary>
public sealed class ChangeFeedInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    // What a step change must touch to matter to anyone (dispatch and claim bookkeeping does not).
    private static readonly string[] StepFields =
        [nameof(Step.Status), nameof(Step.DueAt), nameof(Step.SentAt), nameof(Step.SentBy), nameof(Step.ProviderMessageId)];

    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        await DiscardAsync(db); // a pooled context may carry one from a save that ended in a way EF reports nowhere else
        if (Capture(db) is { Count: > 0 } changed)
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            _pending.AddOrUpdate(db, new PendingSave(changed, owned));
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        try
        {
            var (sql, values) = InsertSql(pending.Changed);
            await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
            if (pending.Owned is { } tx) await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            if (pending.Owned is { } tx) await tx.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await DiscardAsync(db);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await DiscardAsync(db);
    }

    /// <summary>
    /// A lost optimistic-concurrency check is not a "failed" save to EF: only this is called, from inside
    /// the batch, before EF rolls back to its savepoint in our transaction. So the rows are forgotten now
    /// and the transaction is rolled back later: by the context's next save (<see cref="DiscardAsync"/>)
    /// or by EF when the context is disposed. Left pending, the next save committed the stale rows (or,
    /// once the pool had reset the context, failed on the disposed transaction).
    /// </summary>
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) ForgetRows(db);
        return ValueTask.FromResult(result);
    }

    private void ForgetRows(DbContext db)
    {
        if (_pending.TryGetValue(db, out var pending)) _pending.AddOrUpdate(db, pending with { Changed = [] });
    }

    /// <summary>Forgets the context's pending feed rows and rolls back the transaction opened for them.</summary>
    private async ValueTask DiscardAsync(DbContext db)
    {
        if (!_pending.TryGetValue(db, out var pending)) return;
        _pending.Remove(db);
        if (pending.Owned is { } tx) await tx.DisposeAsync(); // disposing an uncommitted transaction rolls it back
    }

    private void Discard(DbContext db)
    {
        if (!_pending.TryGetValue(db, out var pending)) return;
        _pending.Remove(db);
        pending.Owned?.Dispose();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db) return result;
        Discard(db);
        if (Capture(db) is { Count: > 0 } changed)
            _pending.AddOrUpdate(db, new PendingSave(changed, db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        using (pending.Owned)
        {
            var (sql, values) = InsertSql(pending.Changed);
            db.Database.ExecuteSqlRaw(sql, values);
            pending.Owned?.Commit();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) Discard(db);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is { } db) Discard(db);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } db) ForgetRows(db);
        return result;
    }

    private static List<object> Capture(DbContext db)
    {
        var changed = new List<object>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Contact or Sequence || entry.Entity is Step && Matters(entry)) changed.Add(entry.Entity);
        }
        return changed;
    }

    private static bool Matters(EntityEntry entry) =>
        entry.State != EntityState.Modified || StepFields.Any(f => entry.Property(f).IsModified);

    /// <summary>One multi-row insert; plain quoted SQL that SQLite and PostgreSQL both take.</summary>
    private (string Sql, object[] Values) InsertSql(List<object> changed)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var rows = changed.Select(e => e switch
        {
            Contact c => (ChangeEntity.Contact, c.Id),
            Sequence s => (ChangeEntity.Sequence, s.Id),
            Step s => (ChangeEntity.Step, s.Id),
            _ => throw new InvalidOperationException($"No feed entity for {e.GetType().Name}."),
        }).Distinct().ToList();
        var values = new List<object>(rows.Count * 3);
        var tuples = new List<string>(rows.Count);
        foreach (var (entity, id) in rows)
        {
            var i = values.Count;
            tuples.Add($"({{{i}}}, {{{i + 1}}}, {{{i + 2}}})");
            values.AddRange([entity.ToString(), id, at]);
        }
        return ($"INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") VALUES {string.Join(", ", tuples)}", values.ToArray());
    }

    private sealed record PendingSave(List<object> Changed, IDbContextTransaction? Owned);
}
