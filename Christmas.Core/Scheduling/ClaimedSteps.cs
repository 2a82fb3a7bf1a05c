using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Scheduling;

/// <summary>What the send jobs share: loading a step with what sending it needs, and saving a claim that may have been lost.</summary>
public static class ClaimedSteps
{
    /// <summary>Steps with their sequence, its other steps (for the engine's stops) and the contact.</summary>
    public static IQueryable<Step> WithSendContext(this IQueryable<Step> steps) => steps
        .Include(s => s.Sequence).ThenInclude(q => q!.Steps)
        .Include(s => s.Sequence).ThenInclude(q => q!.Contact)
        .AsSplitQuery();

    /// <returns>False when another worker claimed the rows, or recovery released this job's stale claim: theirs stands.</returns>
    public static async Task<bool> TrySaveClaimAsync(this CampaignDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
