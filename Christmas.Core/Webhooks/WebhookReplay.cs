using System.Text.Json;
using Christmas.Core.Audit;
using Christmas.Core.Executions;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Webhooks;

/// <summary>
/// Runs a stored webhook call again (Kestra's replay): its payload goes through the webhook's own
/// validator and ingestor as a new execution whose originalId is the replayed one, and is audited.
/// Dedupe applies as to any call, so replaying a call that started a sequence starts no second one.
/// </summary>
public sealed class WebhookReplay(
    IDbContextFactory<CampaignDbContext> contexts,
    Campaign.Live.PublishedCampaign campaign,
    WebhookValidator validator,
    WebhookIngestor ingestor,
    AuditLog audit,
    TimeProvider time)
{
    public const string AuditAction = "execution.replay";

    /// <exception cref="Exception">Storage trouble: nothing was committed (the caller answers "retry").</exception>
    public async Task<ReplayResult> ReplayAsync(string executionId, string actor, CancellationToken ct)
    {
        var original = await FindAsync(executionId, ct);
        // A handler removed since the call answers as its URL does now: not found.
        if (original is null || (await campaign.CurrentAsync(ct)).Handler(original.Value.FlowId) is not { } handler) return ReplayResult.NotFound;

        using var payload = JsonDocument.Parse(original.Value.PayloadJson);
        // Retention (Retention:Executions) leaves JSON null where the body was: say so rather than "not an object".
        if (payload.RootElement.ValueKind == JsonValueKind.Null)
            return new ReplayResult(true, null, new Dictionary<string, string[]>
            {
                ["body"] = ["This execution's payload was purged by retention (Retention:Executions); it cannot be replayed."],
            });
        var validation = validator.Validate(handler, payload.RootElement, time.GetUtcNow().UtcDateTime);
        if (validation.Input is not { } input) return new ReplayResult(true, null, validation.Errors);

        var result = await ingestor.IngestAsync(input, $"replay:{actor}", ct, originalId: executionId);
        var what = result.SequenceId is { } id ? $"sequence {id}{(result.Deduplicated ? " (deduplicated)" : "")}" : "no sequence";
        await audit.RecordAsync(actor, AuditAction, $"execution {executionId}", $"replayed as execution {result.ExecutionId}: {what}", ct);
        return new ReplayResult(true, result, validation.Errors);
    }

    private async Task<(string FlowId, string PayloadJson)?> FindAsync(string id, CancellationToken ct)
    {
        if (id.Length > 22) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Executions.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.FlowId, e.PayloadJson }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.FlowId, row.PayloadJson);
    }
}
