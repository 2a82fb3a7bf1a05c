using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Persistence;
using Christmas.Core.SendRules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// Runs the planner over every active sequence, a page of contacts at a time: read-only for the impact
/// preview, or applying and writing each page set-based in a transaction of its own for a publish, so a large
/// publish never holds the database (SQLite's one writer: the webhooks' group commit) for more than a page.
/// </summary>
public sealed class InFlightPass(
    IDbContextFactory<CampaignDbContext> contexts,
    CampaignDefinitionStore store,
    SendRuleSet sendRules,
    IOptions<CampaignOptions> options,
    TimeProvider time)
{
    public const int DefaultPageSize = 500;

    /// <summary>Contacts per page (and per transaction).</summary>
    public int PageSize { get; init; } = DefaultPageSize;
    private const int MaxAttempts = 10;

    /// <param name="published">The definition in force before the draft (the fallback for a sequence whose revision is unknown).</param>
    /// <param name="apply">Save the changes (a publish); false computes them only (the preview, or new-only).</param>
    /// <param name="pageLimit">Stop after this many pages (the tests cut a publish short, as a crash would).</param>
    public async Task<ImpactTally> RunAsync(CampaignDocument published, CampaignDocument draft, string policy, int newRevision, bool apply,
        CancellationToken ct, int pageLimit = int.MaxValue)
    {
        var rules = new PlanningRules(sendRules, options.Value.OverdueGrace);
        var documents = new Dictionary<int, CampaignDocument> { [newRevision] = draft };
        var edits = new Dictionary<(int, string), SequenceEdit>();
        var tally = new ImpactTally();
        long lastId = 0;
        for (var pages = 0; pages < pageLimit && await PageAsync(lastId, published, draft, policy, newRevision, apply, rules, documents, edits, tally, ct) is { } last; pages++)
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
            var page = await ActiveContactPages.ReadAsync(db, afterId, PageSize, ct);
            if (page.Count == 0) return null;
            var now = time.GetUtcNow().UtcDateTime;
            var plans = new List<(InFlightPlan Plan, string Email)>();
            var writer = new InFlightPageWriter();
            var changed = new List<Sequences.Sequence>();
            foreach (var contact in page)
            {
                foreach (var sequence in contact.Sequences)
                {
                    var name = SequenceNames.Of(sequence);
                    if (!edits.TryGetValue((sequence.Revision, name), out var edit))
                        edits[(sequence.Revision, name)] = edit = SequenceEdit.Of(name, await DocumentAsync(sequence.Revision, published, documents, ct), draft);
                    var plan = InFlightPlanner.Plan(edit, policy, newRevision, contact.View(sequence), rules, now);
                    plans.Add((plan, contact.Email));
                    if (!apply || !plan.Affected) continue;
                    writer.Snapshot(sequence);
                    InFlightPlanApplier.Apply(plan, sequence, newRevision, now);
                    changed.Add(sequence);
                }
            }
            if (apply)
            {
                if (!await writer.WriteAsync(db, changed, newRevision, now, ct))
                {
                    // A step of this page was claimed by a send meanwhile: nothing was written; plan the page again.
                    if (attempt < MaxAttempts) continue;
                    throw new DbUpdateConcurrencyException($"The in-flight publish of revision {newRevision} lost {MaxAttempts} times in a row to sends on the page after contact {afterId}.");
                }
            }
            foreach (var (plan, email) in plans) tally.Add(plan, email);
            return page[^1].Id;
        }
    }

    private async Task<CampaignDocument> DocumentAsync(int revision, CampaignDocument published, Dictionary<int, CampaignDocument> documents, CancellationToken ct)
    {
        if (documents.TryGetValue(revision, out var known)) return known;
        var document = (await store.RevisionAsync(revision, ct))?.Document ?? published;
        documents[revision] = document;
        return document;
    }
}
