using Christmas.Core.Persistence;
using Christmas.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Executions;

/// <summary>
/// Stores refused calls as FAILED executions, a batch at a time, then keeps only the newest
/// <see cref="WebhookOptions.RefusedKept"/> of them (accepted calls are never trimmed here).
/// </summary>
public sealed class RefusedCallWriter(
    RefusedCallLog log,
    IDbContextFactory<CampaignDbContext> contexts,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<RefusedCallWriter> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = log.Reader;
        var batch = new List<RefusedCall>(BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < BatchSize && reader.TryRead(out var call)) batch.Add(call);
                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task WriteAsync(List<RefusedCall> calls, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            // One transaction: nobody ever sees more than RefusedKept refused calls between the insert and the trim.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Executions.AddRange(calls.Select(c => Execution.Refused(c, now)));
            await db.SaveChangesAsync(ct);
            await TrimAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The callers had their answer; losing the record of a refusal is logged, never thrown.
            logger.LogWarning(ex, "Could not record {Count} refused webhook calls", calls.Count);
        }
    }

    private async Task TrimAsync(CampaignDbContext db, CancellationToken ct)
    {
        var kept = Math.Max(0, options.CurrentValue.RefusedKept);
        var refused = db.Executions.Where(e => e.HttpStatus != null);
        // The first one past the limit, newest first (the filtered index on ReceivedAt serves both queries).
        var cut = await refused.OrderByDescending(e => e.ReceivedAt).Skip(kept).Select(e => (DateTime?)e.ReceivedAt).FirstOrDefaultAsync(ct);
        if (cut is null) return;
        await refused.Where(e => e.ReceivedAt <= cut).ExecuteDeleteAsync(ct);
    }
}
