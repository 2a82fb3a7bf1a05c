using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence.Dialects;

/// <summary>
/// What differs between the databases, and nothing else: how EF connects, what a writer's session
/// sets up, and whether other instances may share the database. The hand-written SQL itself
/// (IngestStore, DeliveryEventIntake, FunnelQueries) is standard SQL with quoted names, valid on both.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>True when other instances may use the same database: claims are leases, nothing is reset at start.</summary>
    public abstract bool Shared { get; }

    /// <summary>Where the data is, for the log (never a password).</summary>
    public abstract string Describe();

    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>
    /// Whether the writer keeps one command per SQL text. SQLite prepares on the command, so reuse is
    /// what makes repeats cheap; Npgsql prepares per connection by SQL text (auto-prepare), and a
    /// reused command with cleared parameters resent an earlier call's values there.
    /// </summary>
    public virtual bool ReuseCommands => true;

    /// <summary>
    /// Whether the writer sends a unit's writes together with its next read or its end, in one round
    /// trip (a <see cref="DbBatch"/>), instead of one by one. Worth it over a network (PostgreSQL: each
    /// statement alone is a round trip); SQLite runs in-process, where a statement costs microseconds.
    /// </summary>
    public virtual bool BatchesStatements => false;

    /// <summary>
    /// With <see cref="BatchesStatements"/>: one row with the next id of "Contacts" and of "Sequences",
    /// taken ahead so a unit's inserts need not return their ids before the next statement can be queued.
    /// </summary>
    public virtual string? NextIdsSql => null;

    /// <summary>
    /// How many connections the group-commit writer commits on at once, units with one key (a webhook's
    /// email) always on the same one. One on SQLite: it has one writer at a time.
    /// </summary>
    public virtual int WriterLanes => 1;

    /// <summary>
    /// After a write failed with <paramref name="error"/>: whether the writer must open a fresh connection
    /// (the dialect then also drops its pooled ones), because the one it holds may be stuck in the fault.
    /// </summary>
    public virtual bool ReopenAfter(Exception error) => false;

    /// <summary>
    /// Whether <paramref name="error"/> (or one inside it) means another transaction got there first: a unique
    /// key it took, or a deadlock with it of which this one was chosen the victim. Run again, the work succeeds.
    /// </summary>
    public bool LostARace(Exception error) => Chain(error).Any(IsLostRace);

    protected abstract bool IsLostRace(Exception error);

    /// <summary>The error and each one inside it: a driver's error may come wrapped (EF, the writer).</summary>
    protected static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException) yield return e;
    }

    /// <summary>Run once on the group-commit writer's connection when it opens.</summary>
    public virtual Task PrepareWriterAsync(CampaignDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Held while migrations run, so instances starting together on a new database apply them one
    /// after the other. Nothing by default: a SQLite file has one instance.
    /// </summary>
    public virtual Task<IAsyncDisposable> LockForMigrationAsync(CancellationToken ct) => Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// The change feed after <paramref name="after"/>, oldest first. A consumer's cursor may move past
    /// every row returned: none can later be preceded by a row with a lower id. On SQLite one writer
    /// at a time takes ids and commits in that order, so every committed row qualifies.
    /// </summary>
    public virtual Task<List<ChangeRow>> ReadChangesAsync(CampaignDbContext db, long after, int take, CancellationToken ct) =>
        db.Changes.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(take)
            .Select(c => new ChangeRow(c.Id, c.Entity, c.EntityId)).ToListAsync(ct);

    /// <summary>Run after migrations, before anything reads or writes.</summary>
    public virtual Task AfterMigrateAsync(CampaignDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After an erasure: drops what the files still hold of rows as they were (SQLite's write-ahead log). Best effort.</summary>
    public virtual Task PurgeAsync(CampaignDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The database's size on disk, in bytes (the Settings page's retention card).</summary>
    public abstract Task<long> SizeAsync(CampaignDbContext db, CancellationToken ct);

    /// <summary>Rows per table of <paramref name="tables"/>: exact, or the planner's estimate where counting would read a big table.</summary>
    public abstract Task<List<TableRows>> TableRowsAsync(CampaignDbContext db, IReadOnlyList<string> tables, CancellationToken ct);
}

/// <summary>One table's row count; <paramref name="Estimated"/> when it is the database's statistics, not a count.</summary>
public sealed record TableRows(string Table, long Rows, bool Estimated);

/// <summary>One change-feed row as its consumers read it.</summary>
public sealed record ChangeRow(long Id, Changes.ChangeEntity Entity, long EntityId);

public static class DbCommandExtensions
{
    /// <summary>Adds a parameter, provider-neutrally; null becomes DBNull.</summary>
    public static void Set(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
