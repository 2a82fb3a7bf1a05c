using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// Finishes an in-flight publish the process did not live to finish: the revision commits first, then
/// the pages follow one by one, so a crash in between leaves later pages on the old definition. When the
/// latest revision was published in-flight and an active sequence still follows an older revision whose
/// definition of it differs, the pass runs again. It is safe to run twice: a sequence already moved
/// follows the latest revision (nothing to change), and an added step is never inserted twice.
/// </summary>
public sealed class InFlightResume(
    IDbContextFactory<CampaignDbContext> contexts,
    CampaignDefinitionStore store,
    InFlightPass pass,
    DispatchSignal dispatchSignal,
    ILogger<InFlightResume> logger)
{
    /// <returns>What the resumed pass did, or null when no publish was left unfinished.</returns>
    public async Task<ImpactTally?> RunAsync(CancellationToken ct)
    {
        var latest = await store.PublishedAsync(ct);
        if (latest.Summary.Policy != PublishPolicies.InFlight) return null;
        var previous = (await store.RevisionAsync(latest.Revision - 1, ct))?.Document ?? latest.Document;
        if (!await UnfinishedAsync(latest, previous, ct)) return null;

        logger.LogWarning("The in-flight publish of revision {Revision} did not finish: resuming it", latest.Revision);
        var tally = await pass.RunAsync(previous, latest.Document, PublishPolicies.InFlight, latest.Revision, apply: true, ct);
        dispatchSignal.Wake();
        logger.LogInformation("The in-flight publish of revision {Revision} is finished", latest.Revision);
        return tally;
    }

    /// <summary>An active sequence behind the latest revision whose definition differs there (one row per revision and name).</summary>
    private async Task<bool> UnfinishedAsync(PublishedDefinition latest, CampaignDocument previous, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var behind = await db.Sequences.AsNoTracking().Where(s => s.Status == SequenceStatus.Active && s.Revision < latest.Revision)
            .Select(s => new { s.Revision, s.Kind }).Distinct().ToListAsync(ct);
        foreach (var group in behind)
        {
            var followed = (await store.RevisionAsync(group.Revision, ct))?.Document ?? previous;
            if (SequenceEdit.Of(group.Kind, followed, latest.Document).Changed) return true;
        }
        return false;
    }
}
