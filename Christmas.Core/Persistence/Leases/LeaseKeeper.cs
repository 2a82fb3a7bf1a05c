using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Persistence.Leases;

/// <summary>
/// Singleton loops on a shared database: each round first holds (or renews) the loop's lease, one
/// conditional UPDATE that only one instance can win (PostgreSQL re-checks the condition on the row a
/// concurrent winner wrote). A holder that dies loses it after <see cref="Term"/>; another instance
/// takes over from the loop's saved cursor. On SQLite (one instance) every round holds it.
/// </summary>
public sealed class LeaseKeeper(IDbContextFactory<CampaignDbContext> contexts, SqlDialect dialect, Instances.ThisInstance self, TimeProvider time)
{
    public static readonly TimeSpan Term = TimeSpan.FromSeconds(30);

    /// <summary>This instance, as written into the leases it holds.</summary>
    public string Holder => self.Id;

    /// <returns>True when this instance holds <paramref name="name"/> for the next <see cref="Term"/>.</returns>
    public async Task<bool> HoldAsync(string name, CancellationToken ct)
    {
        if (!dialect.Shared) return true;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var renewed = await db.Leases
            .Where(l => l.Name == name && (l.Holder == Holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, now + Term), ct);
        if (renewed == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct)) return false;
        db.Leases.Add(new Lease(name, Holder, now + Term));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created it first
        }
    }

    /// <summary>Lets another instance take <paramref name="name"/> at once, not after the term (a one-off task that ended).</summary>
    public async Task ReleaseAsync(string name, CancellationToken ct)
    {
        if (!dialect.Shared) return;
        var past = time.GetUtcNow().UtcDateTime - Term;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Leases.Where(l => l.Name == name && l.Holder == Holder).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, past), ct);
    }
}
