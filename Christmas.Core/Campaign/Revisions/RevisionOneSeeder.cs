using Christmas.Core.Campaign.Definition;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>At start-up, a database without revisions (new, or from before definitions were editable) gets revision 1: today's catalogs.</summary>
public sealed class RevisionOneSeeder(
    IDbContextFactory<CampaignDbContext> contexts,
    TimeProvider time,
    ILogger<RevisionOneSeeder> logger)
{
    public const string Actor = "system";
    public const string Summary = "The campaign as it was before definitions were editable";

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.CampaignRevisions.AnyAsync(ct)) return;
        var json = DefinitionWriter.ToJson(RevisionOneDocument.Build());
        db.CampaignRevisions.Add(new CampaignRevision(1, json, time.GetUtcNow().UtcDateTime, Actor, PublishPolicies.NewOnly, Summary));
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Campaign definition revision 1 stored (the built-in sequences and handlers)");
        }
        catch (DbUpdateException)
        {
            // Two instances starting at once: the other one's insert won the key; its revision 1 is the same document.
            if (!await AnotherInstanceSeededAsync(ct)) throw;
        }
    }

    private async Task<bool> AnotherInstanceSeededAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CampaignRevisions.AnyAsync(r => r.Revision == 1, ct);
    }
}
