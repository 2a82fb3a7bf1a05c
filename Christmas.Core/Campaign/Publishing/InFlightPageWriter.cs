using System.Globalization;
using Christmas.Core.Changes;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// Writes one page of an in-flight publish set-based, in one transaction: the sequences were loaded
/// untracked and changed in memory through their own transitions (<see cref="InFlightPlanApplier"/>);
/// this compares each step and sequence with the state it was read in and writes only what changed,
/// as batched prepared statements instead of EF's per-entity saves. What EF would do is kept: a step
/// is updated only at the version it was read at (a send that claimed it meanwhile makes the page fail,
/// to be planned again), and the change feed gets the rows <see cref="ChangeFeedInterceptor"/> would append.
/// </summary>
public sealed class InFlightPageWriter
{
    // Not when the sequence has the step already: a pass resumed at start-up may meet one another instance is running.
    // The nullable columns not named are NULL.
    private const string InsertStepSql = """
        INSERT INTO "Steps" ("SequenceId", "Number", "TemplateKey", "DueAt", "SendAt", "SendAtReason", "NotBefore", "Status",
            "Attempts", "LastError", "SendGeneration", "ManualSend", "DeliveryFlags", "Version")
        SELECT @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, 0, @p8, 0, FALSE, 0, @p9
        WHERE NOT EXISTS (SELECT 1 FROM "Steps" WHERE "SequenceId" = @p0 AND "Number" = @p1)
        RETURNING "Id"
        """;

    private const string EndSequenceSql = """UPDATE "Sequences" SET "Status" = @p0, "EndedAt" = @p1, "EndedReason" = @p2 WHERE "Id" = @p3""";

    private readonly Dictionary<long, StepState> _steps = [];
    private readonly Dictionary<long, SequenceState> _sequences = [];

    /// <summary>Remembers how the sequence and its steps were read, before the plan changes them.</summary>
    public void Snapshot(Sequence sequence)
    {
        _sequences[sequence.Id] = SequenceState.Of(sequence);
        foreach (var step in sequence.Steps) _steps[step.Id] = StepState.Of(step);
    }

    /// <returns>False when a step was changed by someone else since it was read: nothing was written.</returns>
    public async Task<bool> WriteAsync(CampaignDbContext db, IReadOnlyList<Sequence> changed, int newRevision, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new StatementBatch(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var feed = new List<(ChangeEntity Entity, long Id)>();
        foreach (var sequence in changed)
        {
            foreach (var step in sequence.Steps)
            {
                if (step.Id == 0)
                {
                    batch.Add(InsertStepSql, false, sequence.Id, step.Number, step.TemplateKey, step.DueAt, step.SendAt, step.SendAtReason,
                        step.NotBefore, step.Status.ToString(), step.LastError, step.Version);
                    continue;
                }
                var before = _steps[step.Id];
                var after = StepState.Of(step);
                if (after == before) continue;
                AddStepUpdate(batch, step.Id, before, after);
                if (after.Status != before.Status || after.DueAt != before.DueAt) feed.Add((ChangeEntity.Step, step.Id));
            }
            var was = _sequences[sequence.Id];
            if (SequenceState.Of(sequence) != was)
            {
                batch.Add(EndSequenceSql, false, sequence.Status.ToString(), sequence.EndedAt, sequence.EndedReason, sequence.Id);
                feed.Add((ChangeEntity.Sequence, sequence.Id));
            }
        }
        var inserted = new List<long>();
        if (!await batch.ExecuteAsync(inserted, ct)) return false; // disposing the transaction rolls back
        feed.AddRange(inserted.Select(id => (ChangeEntity.Step, id)));
        await AppendChangesAsync(db, feed, now, ct);
        var ids = changed.Select(s => s.Id).ToList();
        if (ids.Count > 0)
            await db.Sequences.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Revision, newRevision), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Only the columns that changed, at the version read (EF's concurrency token check).</summary>
    private static void AddStepUpdate(StatementBatch batch, long id, StepState before, StepState after)
    {
        var sets = new List<string>();
        var values = new List<object?>();
        void Set(string column, object? value)
        {
            sets.Add($"\"{column}\" = @p{values.Count}");
            values.Add(value);
        }
        if (after.TemplateKey != before.TemplateKey) Set("TemplateKey", after.TemplateKey);
        if (after.DueAt != before.DueAt) Set("DueAt", after.DueAt);
        if (after.SendAt != before.SendAt) Set("SendAt", after.SendAt);
        if (after.SendAtReason != before.SendAtReason) Set("SendAtReason", after.SendAtReason);
        if (after.NotBefore != before.NotBefore) Set("NotBefore", after.NotBefore);
        if (after.Status != before.Status) Set("Status", after.Status.ToString());
        if (after.LastError != before.LastError) Set("LastError", after.LastError);
        if (after.DispatchedAt != before.DispatchedAt) Set("DispatchedAt", after.DispatchedAt);
        if (after.Version != before.Version) Set("Version", after.Version);
        var idAt = values.Count;
        values.Add(id);
        values.Add(before.Version);
        batch.Add($"UPDATE \"Steps\" SET {string.Join(", ", sets)} WHERE \"Id\" = @p{idAt} AND \"Version\" = @p{idAt + 1}", true, values.ToArray());
    }

    /// <summary>One multi-row insert per chunk; the ids are numbers and the entity names ours, so only the time is a parameter.</summary>
    private static async Task AppendChangesAsync(CampaignDbContext db, List<(ChangeEntity Entity, long Id)> feed, DateTime at, CancellationToken ct)
    {
        foreach (var chunk in feed.Distinct().Chunk(1000))
        {
            var sql = "INSERT INTO \"Changes\" (\"Entity\", \"EntityId\", \"At\") VALUES "
                + string.Join(", ", chunk.Select(c => "('" + c.Entity + "', " + c.Id.ToString(CultureInfo.InvariantCulture) + ", {0})"));
            await db.Database.ExecuteSqlRawAsync(sql, [at], ct);
        }
    }

    private sealed record StepState(string TemplateKey, DateTime DueAt, DateTime SendAt, string? SendAtReason, DateTime NotBefore,
        StepStatus Status, string? LastError, DateTime? DispatchedAt, int Version)
    {
        public static StepState Of(Step s) => new(s.TemplateKey, s.DueAt, s.SendAt, s.SendAtReason, s.NotBefore, s.Status, s.LastError, s.DispatchedAt, s.Version);
    }

    private sealed record SequenceState(SequenceStatus Status, DateTime? EndedAt, string? EndedReason)
    {
        public static SequenceState Of(Sequence s) => new(s.Status, s.EndedAt, s.EndedReason);
    }
}
