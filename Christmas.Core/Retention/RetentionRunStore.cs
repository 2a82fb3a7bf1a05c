using System.Text.Json;
using Christmas.Core.Persistence;
using Christmas.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>The last purge, kept in the Settings table so every instance's Settings page shows the same one.</summary>
public sealed class RetentionRunStore(IDbContextFactory<CampaignDbContext> contexts)
{
    private const string Key = "retention.lastRun";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RetentionRun?> LastAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, ct);
        return row is null ? null : JsonSerializer.Deserialize<RetentionRun>(row.Value, Json);
    }

    public async Task SaveAsync(RetentionRun run, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var value = JsonSerializer.Serialize(run, Json);
        // An update first: a second instance's concurrent first insert is the only race, and its run is as good.
        var updated = await db.Settings.Where(s => s.Key == Key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value).SetProperty(s => s.UpdatedAt, run.FinishedAt), ct);
        if (updated > 0) return;
        db.Settings.Add(new Setting(Key, value, run.FinishedAt));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* another instance stored its run at the same moment */ }
    }
}
