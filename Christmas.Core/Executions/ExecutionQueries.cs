using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Executions;

public sealed class ExecutionQueries(IDbContextFactory<CampaignDbContext> contexts, IOptionsMonitor<ExecutionSearchOptions> options)
{
    // Ids, times, state, logs and JSON punctuation beside the payload: an upper estimate per row.
    private const int RowOverheadBytes = 2048;

    /// <summary>Executions matching the filter, in its sort order (default newest first).</summary>
    public async Task<Page<ExecutionView>> SearchAsync(ExecutionFilter filter, PageRequest page, CancellationToken ct)
    {
        if (filter.MatchesNothing) return new Page<ExecutionView>([], 0, page.Page, page.Size);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Where(db.Executions.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await Order(query, filter.Sort).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var replays = await ReplaysAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return new Page<ExecutionView>(rows.Select(r => ExecutionViews.From(r, replays[r.Id].ToList())).ToList(), total, page.Page, page.Size);
    }

    /// <summary>
    /// Weighs the page before it is loaded (one query of payload lengths): null when it fits in
    /// <see cref="ExecutionSearchOptions.SearchMaxBytes"/>, else how big it is and how many of its rows fit.
    /// </summary>
    public async Task<OversizedPage?> OversizedAsync(ExecutionFilter filter, PageRequest page, CancellationToken ct)
    {
        var max = options.CurrentValue.SearchMaxBytes;
        // A page that cannot reach the limit even with the largest webhook bodies is not weighed.
        if (filter.MatchesNothing || (long)page.Size * (Execution.MaxPayloadBytes + RowOverheadBytes) <= max) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lengths = await Order(Where(db.Executions.AsNoTracking(), filter), filter.Sort).Skip(page.Skip).Take(page.Size)
            .Select(e => e.PayloadJson.Length).ToListAsync(ct);
        long bytes = 0;
        var fitting = 0;
        foreach (var length in lengths)
        {
            bytes += length + RowOverheadBytes;
            if (bytes <= max) fitting++;
        }
        return bytes <= max ? null : new OversizedPage(bytes, max, Math.Max(1, fitting));
    }

    public async Task<ExecutionView?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (execution is null) return null;
        var replays = await ReplaysAsync(db, [id], ct);
        return ExecutionViews.From(execution, replays[id].ToList());
    }

    /// <returns>Null when the execution does not exist.</returns>
    public async Task<IReadOnlyList<ExecutionLogView>?> LogsAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var execution = await db.Executions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return execution?.Logs.OrderBy(l => l.Timestamp)
            .Select(l => new ExecutionLogView(Execution.Namespace, execution.FlowId, execution.Id, l.Timestamp, l.Level, l.Message)).ToList();
    }

    private static IQueryable<Execution> Where(IQueryable<Execution> query, ExecutionFilter filter)
    {
        if (filter.FlowIds.Count > 0) query = query.Where(e => filter.FlowIds.Contains(e.FlowId));
        if (filter.States.Count > 0) query = query.Where(e => filter.States.Contains(e.State));
        if (filter.StartDate is { } start) query = query.Where(e => e.ReceivedAt >= start);
        if (filter.EndDate is { } end) query = query.Where(e => e.ReceivedAt <= end);
        if (filter.TriggerKind is { } kind)
        {
            var prefix = kind + ":";
            query = query.Where(e => e.Trigger == kind || e.Trigger.StartsWith(prefix));
        }
        if (filter.Deduplicated is { } deduplicated) query = query.Where(e => e.Deduplicated == deduplicated);
        if (!string.IsNullOrEmpty(filter.Text))
        {
            var text = filter.Text;
            var lower = text.ToLowerInvariant(); // emails are stored lower-cased
            query = query.Where(e => e.Id == text || e.FlowId.Contains(text) || (e.ContactEmail != null && e.ContactEmail.Contains(lower)));
        }
        return query;
    }

    private static IOrderedQueryable<Execution> Order(IQueryable<Execution> query, ExecutionSort sort) => (sort.Field, sort.Descending) switch
    {
        (ExecutionSortField.Id or ExecutionSortField.Namespace, false) => query.OrderBy(e => e.Id),
        (ExecutionSortField.Id or ExecutionSortField.Namespace, true) => query.OrderByDescending(e => e.Id),
        (ExecutionSortField.EndDate, false) => query.OrderBy(e => e.EndedAt).ThenBy(e => e.Id),
        (ExecutionSortField.EndDate, true) => query.OrderByDescending(e => e.EndedAt).ThenByDescending(e => e.Id),
        (ExecutionSortField.Duration, false) => query.OrderBy(e => e.DurationMs).ThenBy(e => e.Id),
        (ExecutionSortField.Duration, true) => query.OrderByDescending(e => e.DurationMs).ThenByDescending(e => e.Id),
        (ExecutionSortField.FlowId, false) => query.OrderBy(e => e.FlowId).ThenByDescending(e => e.ReceivedAt),
        (ExecutionSortField.FlowId, true) => query.OrderByDescending(e => e.FlowId).ThenByDescending(e => e.ReceivedAt),
        (ExecutionSortField.State, false) => query.OrderBy(e => e.State).ThenByDescending(e => e.ReceivedAt),
        (ExecutionSortField.State, true) => query.OrderByDescending(e => e.State).ThenByDescending(e => e.ReceivedAt),
        (_, false) => query.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id),
        _ => query.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id),
    };

    /// <summary>The replays of each of these executions, oldest first (one query for the page).</summary>
    private static async Task<ILookup<string, string>> ReplaysAsync(CampaignDbContext db, List<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return Array.Empty<string>().ToLookup(x => x);
        var rows = await db.Executions.AsNoTracking()
            .Where(e => e.OriginalId != null && ids.Contains(e.OriginalId))
            .OrderBy(e => e.ReceivedAt)
            .Select(e => new { Original = e.OriginalId!, e.Id })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.Original, r => r.Id);
    }
}
