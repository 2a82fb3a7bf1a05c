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
    // Generated once and kept: a key computed later must equal the one stored at the erasure.
    private readonly StoredSecret _secret = new(contexts, time, "erasure_secret");

    /// <summary>The suppression list's key for <paramref name="email"/> once erased. Cheap after the first call (the secret is cached).</summary>
    public async ValueTask<string> KeyAsync(string email, CancellationToken ct)
    {
        var mac = HMACSHA256.HashData(await _secret.GetAsync(ct), Encoding.UTF8.GetBytes(Suppressions.SuppressionList.Key(email)));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// False while no key can have been stored (no secret yet): readers that must write nothing, like the
    /// simulator, ask this before <see cref="KeyAsync"/>, which would create the secret.
    /// </summary>
    public ValueTask<bool> MayHaveKeysAsync(CancellationToken ct) => _secret.ExistsAsync(ct);

    public static bool IsKey(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);
}
