using System.Text.Json;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Executions;

public sealed class ExecutionQueries(IDbContextFactory<CampaignDbContext> contexts)
{
    /// <summary>Executions newest first.</summary>
    public async Task<Page<ExecutionView>> SearchAsync(ExecutionFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Executions.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.FlowId)) query = query.Where(e => e.FlowId == filter.FlowId);
        if (!string.IsNullOrEmpty(filter.State)) query = query.Where(e => e.State == filter.State.ToUpperInvariant());
        if (filter.StartDate is { } start) query = query.Where(e => e.ReceivedAt >= start);
        if (filter.EndDate is { } end) query = query.Where(e => e.ReceivedAt <= end);

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Size)
            .ToListAsync(ct);
        return new Page<ExecutionView>(rows.Select(ToView).ToList(), total, page.Page, page.Size);
    }

    public async Task<ExecutionView?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return execution is null ? null : ToView(execution);
    }

    /// <returns>Null when the execution does not exist.</returns>
    public async Task<IReadOnlyList<ExecutionLogView>?> LogsAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return execution?.Logs.Select(l => new ExecutionLogView(l.Timestamp, l.Level, l.Message)).ToList();
    }

    private static ExecutionView ToView(Execution e)
    {
        using var payload = JsonDocument.Parse(e.PayloadJson);
        return new ExecutionView(e.Id, Execution.Namespace, e.FlowId, e.FlowId, e.Trigger, e.ReceivedAt,
            new ExecutionStateView(e.State, e.ReceivedAt, e.EndedAt), e.ContactEmail, e.SequenceId, e.Deduplicated,
            e.Warnings.ToList(), payload.RootElement.Clone());
    }
}
