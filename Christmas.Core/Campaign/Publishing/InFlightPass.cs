using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Persistence;
using Christmas.Core.SendRules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// Runs the planner over every active sequence, a page of contacts at a time: read-only for the impact
/// preview, or applying and saving each page in a transaction of its own for a publish, so a large
/// publish never holds the database (SQLite's one writer: the webhooks' group commit) for more than a page.
/// </summary>
public sealed class InFlightPass(
    IDbContextFactory<CampaignDbContext> contexts,
    CampaignDefinitionStore store,
    SendRuleSet sendRules,
    IOptions<CampaignOptions> options,
    TimeProvider time)
{
    public const int PageSize = 500;
    private const int MaxAttempts = 10;

    /// <param name="published">The definition in force before the draft (the fallback for a sequence whose revision is unknown).</param>
    /// <param name="apply">Save the changes (a publish); false computes them only (the preview, or new-only).</param>
    public async Task<ImpactTally> RunAsync(CampaignDocument published, CampaignDocument draft, string policy, int newRevision, bool apply, CancellationToken ct)
    {
        var rules = new PlanningRules(sendRules, options.Value.OverdueGrace);
        var documents = new Dictionary<int, CampaignDocument> { [newRevision] = draft };
        var edits = new Dictionary<(int, string), SequenceEdit>();
        var tally = new ImpactTally();
        long lastId = 0;
        while (await PageAsync(lastId, published, draft, policy, newRevision, apply, rules, documents, edits, tally, ct) is { } last)
            lastId = last;
        return tally;
    }

    /// <returns>The page's last contact id; null when there was no page.</returns>
    private async Task<long?> PageAsync(long afterId, CampaignDocument published, CampaignDocument draft, string policy, int newRevision, bool apply,
        PlanningRules rules, Dictionary<int, CampaignDocument> documents, Dictionary<(int, string), SequenceEdit> edits, ImpactTally tally, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var page = await ActiveContactPages.ReadAsync(db, afterId, PageSize, apply, ct);
            if (page.Count == 0) return null;
            var now = time.GetUtcNow().UtcDateTime;
            var plans = new List<(InFlightPlan Plan, string Email)>();
            foreach (var contact in page)
            {
                foreach (var sequence in contact.Sequences)
                {
                    var name = SequenceNames.Of(sequence);
                    if (!edits.TryGetValue((sequence.Revision, name), out var edit))
                        edits[(sequence.Revision, name)] = edit = SequenceEdit.Of(name, await DocumentAsync(sequence.Revision, published, documents, ct), draft);
                    var plan = InFlightPlanner.Plan(edit, policy, newRevision, contact.View(sequence), rules, now);
                    if (apply && plan.Affected) InFlightPlanApplier.Apply(plan, sequence, newRevision, now);
                    plans.Add((plan, contact.Email));
                }
            }
            if (apply)
            {
                try
                {
                    await SaveAsync(db, plans.Where(p => p.Plan.Affected).Select(p => p.Plan.SequenceId).ToList(), newRevision, ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
                {
                    continue; // a step of this page was claimed by a send meanwhile: nothing was saved; plan the page again
                }
            }
            foreach (var (plan, email) in plans) tally.Add(plan, email);
            return page[^1].Id;
        }
    }

    /// <summary>
    /// The page's changes in one transaction: the steps (and ended sequences) through EF, so the change feed
    /// sees them; the affected sequences' revision in one statement rather than one UPDATE per sequence.
    /// </summary>
    private static async Task SaveAsync(CampaignDbContext db, List<long> affected, int newRevision, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<Sequences.Sequence>().Where(e => e.State == EntityState.Modified))
        {
            // The original value too, so that the save's own look for changes does not mark it modified again.
            var revision = entry.Property(s => s.Revision);
            revision.OriginalValue = revision.CurrentValue;
            revision.IsModified = false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (affected.Count > 0)
            await db.Sequences.Where(s => affected.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Revision, newRevision), ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<CampaignDocument> DocumentAsync(int revision, CampaignDocument published, Dictionary<int, CampaignDocument> documents, CancellationToken ct)
    {
        if (documents.TryGetValue(revision, out var known)) return known;
        var document = (await store.RevisionAsync(revision, ct))?.Document ?? published;
        documents[revision] = document;
        return document;
    }
}
