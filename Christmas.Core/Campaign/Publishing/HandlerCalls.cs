using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>How often handlers were called lately: a removed handler answers 404 from its next call, so the preview names who still calls it.</summary>
public sealed class HandlerCalls(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, int>> LastSevenDaysAsync(IReadOnlyCollection<string> handlers, CancellationToken ct)
    {
        if (handlers.Count == 0) return new Dictionary<string, int>();
        var since = time.GetUtcNow().UtcDateTime.AddDays(-7);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Executions.AsNoTracking().Where(e => handlers.Contains(e.FlowId) && e.ReceivedAt >= since)
            .GroupBy(e => e.FlowId).Select(g => new { Handler = g.Key, Calls = g.Count() }).ToListAsync(ct);
        return handlers.ToDictionary(h => h, h => counts.FirstOrDefault(c => c.Handler == h)?.Calls ?? 0);
    }
}
