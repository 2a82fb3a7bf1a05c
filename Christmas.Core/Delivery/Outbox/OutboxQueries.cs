using System.Text.Json;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Delivery.Outbox;

public sealed class OutboxQueries(IDbContextFactory<CampaignDbContext> contexts)
{
    /// <summary>Stored messages newest first, optionally for one recipient.</summary>
    public async Task<Page<OutboxMessageView>> ListAsync(string? to, PageRequest page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(to))
        {
            var recipient = to.Trim().ToLowerInvariant();
            query = query.Where(m => m.To == recipient);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Page<OutboxMessageView>(rows.Select(ToView).ToList(), total, page.Page, page.Size);
    }

    private static OutboxMessageView ToView(OutboxMessage m)
    {
        using var vars = JsonDocument.Parse(m.VariablesJson);
        using var headers = JsonDocument.Parse(m.HeadersJson);
        return new OutboxMessageView(m.Id, m.MessageId, m.To, m.StepId, m.TemplateKey, m.IdempotencyKey, m.CreatedAt,
            m.Subject, m.Html, m.Text, headers.RootElement.Clone(), vars.RootElement.Clone());
    }
}
