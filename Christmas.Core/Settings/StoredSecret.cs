using System.Security.Cryptography;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Settings;

/// <summary>
/// A random 256-bit secret generated once into the Settings table under <paramref name="key"/> and cached:
/// every instance on a shared database reads the same one, and it survives restarts (what it signed or
/// hashed before must still verify).
/// </summary>
public sealed class StoredSecret(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time, string key)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    /// <summary>The secret, generated and stored on first use.</summary>
    public async ValueTask<byte[]> GetAsync(CancellationToken ct)
    {
        if (_secret is { } known) return known;
        await _gate.WaitAsync(ct);
        try
        {
            if (_secret is { } loaded) return loaded;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var value = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
            if (value is null)
            {
                // Another instance on the shared database may store one first: then theirs is read back.
                await SettingInsert.IfAbsentAsync(db, key, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), time.GetUtcNow().UtcDateTime, ct);
                value = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstAsync(ct);
            }
            return _secret = Convert.FromBase64String(value);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the secret exists yet, without creating it (for readers that must write nothing).</summary>
    public async ValueTask<bool> ExistsAsync(CancellationToken ct)
    {
        if (_secret is not null) return true;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Settings.AsNoTracking().AnyAsync(s => s.Key == key, ct);
    }
}
