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
    private const int MacBytes = 16;
    private readonly StoredSecret _stored = new(contexts, time, "unsubscribe_secret");

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

    // Generated once and kept: links in emails already sent must keep working.
    private async ValueTask<byte[]> SecretAsync(CancellationToken ct) =>
        string.IsNullOrEmpty(options.Value.UnsubscribeSecret) ? await _stored.GetAsync(ct) : Encoding.UTF8.GetBytes(options.Value.UnsubscribeSecret);
}
