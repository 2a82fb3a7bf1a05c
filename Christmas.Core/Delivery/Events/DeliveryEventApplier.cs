using System.Text.Json;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Leases;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Delivery.Events;

/// <summary>
/// The one loop that applies recorded provider events (listmonk's shape): each event is matched to
/// its step by the provider message id and applied once, in the writer's transaction with the mark
/// that it was applied. An event whose step is not known yet waits and is tried again, at once when a
/// send records its id, else on a growing delay; after <see cref="GiveUpAfter"/> it is closed as unmatched.
/// </summary>
public sealed class DeliveryEventApplier(
    IDbContextFactory<CampaignDbContext> contexts,
    GroupCommitWriter writer,
    SuppressionList suppressions,
    DeliverySignal signal,
    LeaseKeeper leases,
    TimeProvider time,
    ILogger<DeliveryEventApplier> logger) : BackgroundService
{
    /// <summary>The lease that makes one instance of several apply the events.</summary>
    public const string LeaseName = "delivery-events";
    public const int BatchSize = 200;
    private const int SentIdsPerQuery = 1000;
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(7);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);
    /// <summary>Real time between looks when nothing wakes the loop: retries are due on the schedule's clock.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    await Task.Delay(Idle * 5, stoppingToken); // another instance applies them
                    continue;
                }
                if (await ApplyDueAsync(stoppingToken) == BatchSize) continue;
                await signal.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A step changed under the batch, or the database was busy: the events stay unapplied for the next round.
                logger.LogWarning(ex, "Applying delivery events failed; trying again shortly");
                await Task.Delay(Idle, stoppingToken);
            }
        }
    }

    /// <summary>Sends committed this long before the previous look are looked at again (a send's commit may trail its SentAt).</summary>
    private static readonly TimeSpan SentOverlap = TimeSpan.FromSeconds(10);
    private DateTime? _sentCheckedAt;

    /// <returns>How many events were looked at.</returns>
    public async Task<int> ApplyDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = new List<long>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // Three index ranges, never a scan of everything waiting: new events, waits that are over, and
            // waiting events whose step was sent since the last look (by the steps' SentAt index, then the
            // events' EmailId index). Thousands of unmatched events then cost nothing per round.
            due.AddRange(await db.DeliveryEvents.AsNoTracking().Where(e => e.AppliedAt == null && e.RetryAt == null)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(ct));
            if (due.Count < BatchSize)
                due.AddRange(await db.DeliveryEvents.AsNoTracking().Where(e => e.AppliedAt == null && e.RetryAt <= now)
                    .OrderBy(e => e.RetryAt).Select(e => e.Id).Take(BatchSize - due.Count).ToListAsync(ct));
            var since = (_sentCheckedAt ?? now - RetryAfterStart) - SentOverlap;
            var sentIds = await db.Steps.AsNoTracking().Where(s => s.SentAt >= since && s.ProviderMessageId != null)
                .Select(s => s.ProviderMessageId!).ToListAsync(ct);
            // In slices: after a burst, an hour's sends are tens of thousands of ids, more than SQLite's 32,766 parameters.
            foreach (var slice in sentIds.Chunk(SentIdsPerQuery))
            {
                if (due.Count >= BatchSize) break;
                due.AddRange(await db.DeliveryEvents.AsNoTracking().Where(e => e.AppliedAt == null && e.RetryAt > now && slice.Contains(e.EmailId!))
                    .OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize - due.Count).ToListAsync(ct));
            }
            _sentCheckedAt = now;
        }
        if (due.Count == 0) return 0;
        due = due.Distinct().ToList();
        await writer.RunAsync((batch, token) => ApplyAsync(batch.Db, due, token), ct);
        return due.Count;
    }

    /// <summary>At start, sends of the last hour are matched against waiting events (the longest wait between tries).</summary>
    private static TimeSpan RetryAfterStart => LongestRetry;

    private async Task<int> ApplyAsync(CampaignDbContext db, List<long> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var events = await db.DeliveryEvents.Where(e => ids.Contains(e.Id) && e.AppliedAt == null).OrderBy(e => e.Id).ToListAsync(ct);
        var emailIds = events.Where(e => e.EmailId != null).Select(e => e.EmailId!).Distinct().ToList();
        var steps = await db.Steps.Include(s => s.Sequence).ThenInclude(q => q!.Contact)
            .Where(s => s.ProviderMessageId != null && emailIds.Contains(s.ProviderMessageId)).ToListAsync(ct);
        var byEmailId = steps.GroupBy(s => s.ProviderMessageId!).ToDictionary(g => g.Key, g => g.First());

        foreach (var e in events)
        {
            if (!e.Type.StartsWith("email.", StringComparison.Ordinal))
            {
                e.Applied(null, $"ignored: {e.Type}", now);
                continue;
            }
            if (e.EmailId is null || !byEmailId.TryGetValue(e.EmailId, out var step))
            {
                Wait(e, now);
                continue;
            }
            await ApplyAsync(db, e, step, now, ct);
        }
        return await db.SaveChangesAsync(ct);
    }

    private async Task ApplyAsync(CampaignDbContext db, DeliveryEvent e, Step step, DateTime now, CancellationToken ct)
    {
        if (DeliveryStatuses.FromResendType(e.Type) is not { } status)
        {
            // email.sent, email.scheduled, ...: on the timeline, no status.
            e.Applied(step.Id, "recorded", now);
            return;
        }
        step.RecordDelivery(status);
        var outcome = $"applied: {status.ToApiName()}";
        if (SuppressionFor(e, status) is var (reason, detail) && step.Sequence?.Contact is { } contact)
        {
            await suppressions.AddAsync(db, contact.Email, reason, $"resend: {e.Type}", detail, now, ct);
            outcome += $"; {contact.Email} suppressed ({reason.ToString().ToLowerInvariant()})";
        }
        e.Applied(step.Id, outcome, now);
    }

    /// <summary>Hard bounces, complaints and Resend's own suppressions end mailing; a soft bounce or a delay does not.</summary>
    private static (SuppressionReason, string?)? SuppressionFor(DeliveryEvent e, DeliveryStatus status)
    {
        switch (status)
        {
            case DeliveryStatus.Complained:
                return (SuppressionReason.Complained, null);
            case DeliveryStatus.Bounced:
                var bounce = Detail(e.PayloadJson, "bounce");
                return string.Equals(bounce.Type, "Permanent", StringComparison.OrdinalIgnoreCase)
                    ? (SuppressionReason.Bounced, bounce.Message)
                    : null;
            case DeliveryStatus.Suppressed:
                return (SuppressionReason.Bounced, $"suppressed by Resend: {Detail(e.PayloadJson, "suppressed").Message}");
            default:
                return null;
        }
    }

    /// <summary><c>data.{section}.type</c> and <c>.message</c> of the stored payload.</summary>
    private static (string? Type, string? Message) Detail(string payload, string section)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            if (doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object)
                return (Text(part, "type"), Text(part, "message"));
        }
        catch (JsonException) { }
        return (null, null);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>No step carries this id yet: the send's commit may still be under way, or it is not ours.</summary>
    private static void Wait(DeliveryEvent e, DateTime now)
    {
        if (e.EmailId is null || now - e.ReceivedAt >= GiveUpAfter)
        {
            e.Applied(null, e.EmailId is null ? "no email id in the event" : "no step with this email id", now);
            return;
        }
        var wait = FirstRetry * Math.Pow(2, Math.Min(e.Attempts, 10));
        e.Unmatched(now + (wait < LongestRetry ? wait : LongestRetry), "waiting for a step with this email id");
    }
}
