using Christmas.Core.Common;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Funnel;

/// <summary>
/// The funnel, from set-based queries: one GROUP BY over the kind's sent steps (the delivery bits are
/// on the step, so no event is read) and one EXISTS count per next stage.
/// </summary>
public sealed class FunnelQueries(IDbContextFactory<CampaignDbContext> contexts, SequenceCatalog catalog)
{
    private const int DeliveredOrLater = (int)(DeliveryFlags.Delivered | DeliveryFlags.Opened | DeliveryFlags.Clicked);

    /// <summary>Which later sequences count as going on from each kind.</summary>
    private static readonly Dictionary<SequenceKind, (string Stage, string Label, SequenceKind[] Kinds)[]> NextStages = new()
    {
        [SequenceKind.Assessment] = [("booked_call", "Booked a call", [SequenceKind.Noshow, SequenceKind.Postcall]), ("paid", "Paid", [SequenceKind.Onboarding])],
        [SequenceKind.Noshow] = [("had_call", "Had the call", [SequenceKind.Postcall]), ("paid", "Paid", [SequenceKind.Onboarding])],
        [SequenceKind.Postcall] = [("paid", "Paid", [SequenceKind.Onboarding])],
        [SequenceKind.Onboarding] = [],
    };

    public async Task<IReadOnlyList<FunnelReport>> AllAsync(CancellationToken ct)
    {
        var reports = new List<FunnelReport>();
        foreach (var definition in catalog.All) reports.Add(await ForAsync(definition.Kind, ct));
        return reports;
    }

    public async Task<FunnelReport> ForAsync(SequenceKind kind, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Steps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Sent && s.Sequence!.Kind == kind)
            .GroupBy(s => s.Number)
            .Select(g => new
            {
                Number = g.Key,
                Sent = g.Count(),
                Delivered = g.Count(s => ((int)s.DeliveryFlags & DeliveredOrLater) != 0),
                Opened = g.Count(s => ((int)s.DeliveryFlags & (int)DeliveryFlags.Opened) != 0),
                Clicked = g.Count(s => ((int)s.DeliveryFlags & (int)DeliveryFlags.Clicked) != 0),
                Bounced = g.Count(s => ((int)s.DeliveryFlags & (int)DeliveryFlags.Bounced) != 0),
                Complained = g.Count(s => ((int)s.DeliveryFlags & (int)DeliveryFlags.Complained) != 0),
                Unsubscribed = g.Count(s => ((int)s.DeliveryFlags & (int)DeliveryFlags.Unsubscribed) != 0),
            })
            .ToDictionaryAsync(c => c.Number, ct);
        var steps = catalog.Get(kind).Steps.Select(d => counts.TryGetValue(d.Number, out var c)
            ? new FunnelStep(d.Number, d.TemplateKey, c.Sent, c.Delivered, c.Opened, c.Clicked, c.Bounced, c.Complained, c.Unsubscribed)
            : new FunnelStep(d.Number, d.TemplateKey, 0, 0, 0, 0, 0, 0, 0)).ToList();

        var started = db.Sequences.AsNoTracking().Where(q => q.Kind == kind);
        var contacts = await started.Select(q => q.ContactId).Distinct().CountAsync(ct);
        var wentOn = new List<FunnelStage>();
        foreach (var (stage, label, kinds) in NextStages[kind])
        {
            // Later than this kind's sequence: an onboarding before the assessment is not this funnel's success.
            var count = await started
                .Where(a => db.Sequences.Any(b => b.ContactId == a.ContactId && kinds.Contains(b.Kind) && b.CreatedAt >= a.CreatedAt))
                .Select(a => a.ContactId).Distinct().CountAsync(ct);
            wentOn.Add(new FunnelStage(stage, label, count, contacts == 0 ? 0 : Math.Round((double)count / contacts, 4)));
        }
        return new FunnelReport(kind.ToApiName(), contacts, steps, wentOn);
    }
}
