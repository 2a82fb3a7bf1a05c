using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Christmas.Core.Campaign;
using Christmas.Core.Persistence;
using Christmas.Core.Settings;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Unsubscribe;

/// <summary>
/// Unsubscribe tokens: the contact id and an HMAC-SHA256 of it (truncated to 128 bits), base64url.
/// Hard to forge, no lookup table, valid as long as the secret (RFC 8058; CASL wants 60 days at least).
/// </summary>
public sealed class UnsubscribeTokens(IDbContextFactory<CampaignDbContext> contexts, IOptions<CampaignOptions> options, TimeProvider time)
{
    private const string SecretKey = "unsubscribe_secret";
    private const int MacBytes = 16;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    public async Task<string> CreateAsync(long contactId, CancellationToken ct)
    {
        var token = new byte[8 + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, contactId);
        Mac(await SecretAsync(ct), token.AsSpan(0, 8)).CopyTo(token.AsSpan(8));
        return WebEncoders.Base64UrlEncode(token);
    }

    public async Task<string> UrlAsync(long contactId, CancellationToken ct) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/u/{await CreateAsync(contactId, ct)}";

    /// <returns>The contact id, or null for a token that is malformed or was not made with our secret.</returns>
    public async Task<long?> ReadAsync(string token, CancellationToken ct)
    {
        byte[] bytes;
        try { bytes = WebEncoders.Base64UrlDecode(token); }
        catch (FormatException) { return null; }
        if (bytes.Length != 8 + MacBytes) return null;
        var expected = Mac(await SecretAsync(ct), bytes.AsSpan(0, 8));
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(8))) return null;
        return BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    private static byte[] Mac(byte[] secret, ReadOnlySpan<byte> contactId) =>
        HMACSHA256.HashData(secret, contactId)[..MacBytes];

    private async Task<byte[]> SecretAsync(CancellationToken ct)
    {
        if (_secret is { } known) return known;
        if (!string.IsNullOrEmpty(options.Value.UnsubscribeSecret))
            return _secret = Encoding.UTF8.GetBytes(options.Value.UnsubscribeSecret);
        await _gate.WaitAsync(ct);
        try
        {
            if (_secret is { } loaded) return loaded;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == SecretKey, ct);
            if (row is null)
            {
                // Generated once and kept: links in emails already sent must keep working.
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
