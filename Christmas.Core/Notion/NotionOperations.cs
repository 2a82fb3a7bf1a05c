using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Notion.Mirror;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion;

/// <summary>Operator actions on the mirror (API and Settings alike), each audited.</summary>
public sealed class NotionOperations(MirrorFeed feed, NotionSchemas schemas, AuditLog audit, IOptions<NotionOptions> options)
{
    public const string NotConfigured = "Notion is not configured: set Notion:Token (and the database ids).";

    /// <summary>Queues every contact and sequence again; the mirror works the backlog off within the budget.</summary>
    public async Task<Outcome<int>> ResyncAllAsync(string actor, CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return Outcome<int>.Conflict(NotConfigured);
        var queued = await feed.QueueAllAsync(TimeProvider.System.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(actor, "notion.resync", "notion", $"{queued} page(s) queued", ct);
        return Outcome<int>.Ok(queued);
    }

    /// <summary>Reads both databases' schemas again (after the team added a column, say).</summary>
    public async Task<Outcome<bool>> CheckSchemasAsync(CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return Outcome<bool>.Conflict(NotConfigured);
        await schemas.RefreshAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
