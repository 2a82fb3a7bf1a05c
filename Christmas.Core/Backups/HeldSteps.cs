using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Backups;

/// <summary>The steps a restore held: listed, released back to the queue, or cancelled, by an Admin; audited.</summary>
public sealed class HeldSteps(IDbContextFactory<CampaignDbContext> contexts, AuditLog audit, DispatchSignal dispatch, TimeProvider time)
{
    public const string CancelReason = "cancelled after a restore: held, then cancelled by an operator";
    private const int Chunk = 200;

    public async Task<Page<HeldStepView>> PageAsync(PageRequest request, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = db.Steps.AsNoTracking().Where(s => s.Status == StepStatus.Held);
        var total = await held.CountAsync(ct);
        var items = await held.OrderBy(s => s.NotBefore).ThenBy(s => s.Id).Skip(request.Skip).Take(request.Size)
            .Select(s => new HeldStepView(s.Id, s.Sequence!.Contact!.Email, s.Sequence.Kind, s.Number, s.TemplateKey, s.DueAt, s.NotBefore))
            .ToListAsync(ct);
        return new Page<HeldStepView>(items, total, request.Page, request.Size);
    }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Steps.CountAsync(s => s.Status == StepStatus.Held, ct);
    }

    /// <summary>Back to scheduled: the dispatcher sends them as usual (at once when their time has passed).</summary>
    /// <param name="ids">The steps; null: every held step.</param>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<long>? ids, string actor, CancellationToken ct)
    {
        var count = await ChangeAsync(ids, (step, _) => step.Release(), ct);
        if (count > 0) dispatch.Wake();
        await audit.RecordAsync(actor, "held.release", Target(ids), $"{count} held step(s) released", ct);
        return count;
    }

    /// <param name="ids">The steps; null: every held step.</param>
    public async Task<int> CancelAsync(IReadOnlyCollection<long>? ids, string actor, CancellationToken ct)
    {
        var count = await ChangeAsync(ids, (step, now) =>
        {
            step.CancelHeld(CancelReason);
            step.Sequence!.CompleteIfDone(now);
        }, ct);
        await audit.RecordAsync(actor, "held.cancel", Target(ids), $"{count} held step(s) cancelled", ct);
        return count;
    }

    /// <summary>In chunks by id, each its own save, so "all" after a big restore never loads every step at once.</summary>
    private async Task<int> ChangeAsync(IReadOnlyCollection<long>? ids, Action<Step, DateTime> change, CancellationToken ct)
    {
        var count = 0;
        var after = 0L;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var query = db.Steps.Where(s => s.Status == StepStatus.Held && s.Id > after);
            if (ids is not null) query = query.Where(s => ids.Contains(s.Id));
            var steps = await query.OrderBy(s => s.Id).Take(Chunk)
                .Include(s => s.Sequence).ThenInclude(q => q!.Steps).AsSplitQuery().ToListAsync(ct);
            if (steps.Count == 0) return count;
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var step in steps) change(step, now);
            await db.SaveChangesAsync(ct);
            count += steps.Count;
            after = steps[^1].Id;
        }
    }

    private static string Target(IReadOnlyCollection<long>? ids) =>
        ids is null ? "all held steps" : ids.Count <= 20 ? "steps " + string.Join(", ", ids) : $"{ids.Count} steps";
}
