using System.Security.Cryptography;
using System.Text;
using Christmas.Core.Persistence;
using Christmas.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Privacy;

/// <summary>
/// What stays of an erased person: the address's keyed hash, <c>erased:</c> and the hex HMAC-SHA256 of the
/// trimmed, lower-cased address, stored as the key of its suppression entry. The secret is generated once
/// and kept in the database (like the unsubscribe secret), so every instance computes the same key and
/// nobody holding only the database's hashes can confirm a guessed address without it.
/// </summary>
public sealed class ErasedAddresses(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    public const string Prefix = "erased:";
    /// <summary>The reason on sequences and steps stopped by an erasure.</summary>
    public const string EndedReason = "erased on request";
    private const string SecretKey = "erasure_secret";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    /// <summary>The suppression list's key for <paramref name="email"/> once erased. Cheap after the first call (the secret is cached).</summary>
    public async ValueTask<string> KeyAsync(string email, CancellationToken ct)
    {
        var secret = _secret ?? await SecretAsync(ct);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Suppressions.SuppressionList.Key(email)));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// The key, or null while nobody has been erased (no secret yet): for readers that must write nothing,
    /// like the simulator, which would otherwise create the secret.
    /// </summary>
    public async ValueTask<string?> ExistingKeyAsync(string email, CancellationToken ct)
    {
        if (_secret is null)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (!await db.Settings.AsNoTracking().AnyAsync(s => s.Key == SecretKey, ct)) return null;
        }
        return await KeyAsync(email, ct);
    }

    public static bool IsKey(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    private async Task<byte[]> SecretAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_secret is { } loaded) return loaded;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SecretKey, ct);
            if (row is null)
            {
                // Generated once and kept: a key computed later must equal the one stored at the erasure.
                row = new Setting(SecretKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), time.GetUtcNow().UtcDateTime);
                db.Settings.Add(row);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance on the shared database generated it first: use theirs.
                    await using var again = await contexts.CreateDbContextAsync(ct);
                    row = await again.Settings.AsNoTracking().FirstAsync(s => s.Key == SecretKey, ct);
                }
            }
            return _secret = Convert.FromBase64String(row.Value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
