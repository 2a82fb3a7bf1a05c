using Christmas.Core.Audit;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// The draft's impact preview and its publish (DESIGN <c>POST /api/campaign/draft/impact</c> and
/// <c>/publish</c>). Both run the same planner over the same active sequences, so the preview's counts
/// are what the publish does, unless time or the contacts moved in between.
/// </summary>
public sealed class CampaignPublisher(
    IDbContextFactory<CampaignDbContext> contexts,
    CampaignDefinitionStore store,
    InFlightPass pass,
    HandlerCalls handlerCalls,
    DispatchSignal dispatchSignal,
    Live.PublishedCampaign live,
    AuditLog audit,
    TimeProvider time,
    ILogger<CampaignPublisher> logger)
{
    public const string NoDraft = "There is no draft to publish: save one first (PUT /api/campaign/draft).";

    /// <summary>What publishing the draft with <paramref name="policy"/> would do now; nothing is written.</summary>
    public async Task<Outcome<PublishImpact>> ImpactAsync(string? policy, CancellationToken ct)
    {
        if (PolicyError(policy) is { } invalid) return Outcome<PublishImpact>.Invalid(invalid);
        if (await store.DraftAsync(ct) is not { } draft) return Outcome<PublishImpact>.NotFound(NoDraft);
        var published = await store.PublishedAsync(ct);
        var tally = await pass.RunAsync(published.Document, draft.Document, policy!, published.Revision + 1, apply: false, ct);
        return Outcome<PublishImpact>.Ok(await ImpactOfAsync(tally, policy!, published.Document, draft.Document, ct));
    }

    /// <summary>
    /// Publishes the draft as revision <paramref name="expectedRevision"/> + 1. The revision and the draft's
    /// removal commit first, together (the revision number is the key, so of two publishers one wins);
    /// then, under in-flight, the sequences in flight are changed page by page.
    /// </summary>
    public async Task<Outcome<PublishReceipt>> PublishAsync(string? policy, int expectedRevision, string actor, CancellationToken ct)
    {
        if (PolicyError(policy) is { } invalid) return Outcome<PublishReceipt>.Invalid(invalid);
        // Of two publishers at once, the later one finds the draft gone: what it needs to hear is that
        // another revision is in force (409), not that there is nothing to publish. The draft's removal
        // and the new revision commit together, so a draft found gone is checked against the revision again.
        var published = await store.PublishedAsync(ct);
        if (StaleRevision(published, expectedRevision) is { } stale) return Outcome<PublishReceipt>.Conflict(stale);
        if (await store.DraftAsync(ct) is not { } draft)
            return StaleRevision(await store.PublishedAsync(ct), expectedRevision) is { } overtaken
                ? Outcome<PublishReceipt>.Conflict(overtaken)
                : Outcome<PublishReceipt>.NotFound(NoDraft);
        if (StaleDraft(published, draft) is { } outdated) return Outcome<PublishReceipt>.Conflict(outdated);

        var revision = published.Revision + 1;
        var changes = DefinitionChanges.Between(published.Document, draft.Document);
        if (!await CommitRevisionAsync(revision, draft, policy!, actor, RevisionSummaryText.Of(changes), ct))
            return Outcome<PublishReceipt>.Conflict(
                $"Revision {revision} was published by someone else a moment ago, or the draft changed while publishing; reload the campaign and review the draft again.");

        // Live here at once (and a new handler's key generated and stored now); other instances within PublishedCampaign.CheckEvery.
        live.Refresh();
        await live.CurrentAsync(ct);
        var tally = await pass.RunAsync(published.Document, draft.Document, policy!, revision, apply: policy == PublishPolicies.InFlight, ct);
        var impact = await ImpactOfAsync(tally, policy!, published.Document, draft.Document, ct);
        dispatchSignal.Wake(); // moved steps may be due now
        logger.LogInformation("Campaign revision {Revision} published by {Actor} ({Policy}): {Steps}", revision, actor, policy, impact.Steps);
        await audit.RecordAsync(actor, "campaign.publish", $"revision {revision}", AuditDetail(impact), ct);
        return Outcome<PublishReceipt>.Ok(PublishReceipt.Of(revision, impact));
    }

    private static string? PolicyError(string? policy) => policy is PublishPolicies.InFlight or PublishPolicies.NewOnly
        ? null
        : $"policy must be \"{PublishPolicies.InFlight}\" (pending steps follow the new definition) or \"{PublishPolicies.NewOnly}\" (only sequences started afterwards do).";

    private static string? StaleRevision(PublishedDefinition published, int expectedRevision) => published.Revision == expectedRevision
        ? null
        : $"Revision {published.Revision} is in force now (published by {published.Summary.PublishedBy} at {published.Summary.PublishedAt:yyyy-MM-dd HH:mm} UTC), "
            + $"not revision {expectedRevision} as you expected: review the draft against it, then publish with expectedRevision {published.Revision}.";

    private static string? StaleDraft(PublishedDefinition published, DraftDefinition draft) => draft.BaseRevision == published.Revision
        ? null
        : $"The draft was started from revision {draft.BaseRevision}, but revision {published.Revision} is in force: publishing it would undo revision {published.Revision}. "
            + "Start the draft again from the published revision.";

    /// <returns>False when another publisher took the number, or the draft was saved again since it was read.</returns>
    private async Task<bool> CommitRevisionAsync(int revision, DraftDefinition draft, string policy, string actor, string summary, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only the draft that was read goes: a save in between (the last save wins) would otherwise be lost unseen.
        var deleted = await db.CampaignDrafts.Where(d => d.Id == CampaignDraft.TheId && d.UpdatedAt == draft.UpdatedAt).ExecuteDeleteAsync(ct);
        if (deleted == 0) return false;
        db.CampaignRevisions.Add(new CampaignRevision(revision, DefinitionWriter.ToJson(draft.Document), time.GetUtcNow().UtcDateTime, actor, policy, summary));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false; // the key (the revision number) was taken: another publish won
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<PublishImpact> ImpactOfAsync(ImpactTally tally, string policy, CampaignDocument published, CampaignDocument draft, CancellationToken ct)
    {
        var removed = published.Handlers.Where(h => draft.Handler(h.Name) is null).Select(h => h.Name).ToList();
        return tally.ToImpact(policy, DefinitionChanges.Between(published, draft), await handlerCalls.LastSevenDaysAsync(removed, ct));
    }

    private static string AuditDetail(PublishImpact impact) =>
        $"{impact.Policy}; {impact.Changes.Count} changes; in flight: {impact.InFlight.Sequences} sequences of {impact.InFlight.Contacts} contacts; "
        + $"steps: {impact.Steps.Moved} moved, {impact.Steps.Added} added, {impact.Steps.Cancelled} cancelled, "
        + $"{impact.Steps.SendNow} sent now, {impact.Steps.SkippedOverdue} skipped (overdue)";
}
