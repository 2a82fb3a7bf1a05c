using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Christmas.Core.Delivery.Events;

/// <summary>
/// Svix's webhook signature, as Resend sends it (apis.md, Resend "Verifying a webhook"): HMAC-SHA256
/// of <c>{svix-id}.{svix-timestamp}.{raw body}</c> with the secret after <c>whsec_</c>, base64, in a
/// space-separated list of <c>v1,&lt;sig&gt;</c> entries (several during a key rotation).
/// </summary>
public static class SvixSignature
{
    public const string Prefix = "whsec_";
    /// <summary>Older or newer timestamps are refused: a captured request cannot be replayed later.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <returns>Null when the signature holds, else why not (for the log; it never contains the secret).</returns>
    public static string? Verify(string secret, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return "svix-id, svix-timestamp and svix-signature headers are required";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return "svix-timestamp is not a Unix time in seconds";
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((now - sentAt).Duration() > Tolerance)
            return $"svix-timestamp is {(sentAt < now ? "older" : "newer")} than 5 minutes";
        if (Key(secret) is not { } key) return "Resend:WebhookSecret is not a whsec_ base64 secret";

        var expected = Compute(key, id, timestamp, body);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal)) continue;
            var given = new byte[expected.Length];
            if (Convert.TryFromBase64String(entry[3..], given, out var written) && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(given, expected))
                return null;
        }
        return "no v1 signature matches";
    }

    /// <summary>The signature bytes for a message: what a valid <c>v1,</c> entry holds.</summary>
    public static byte[] Compute(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[head.Length + body.Length];
        head.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(head.Length));
        return HMACSHA256.HashData(key, content);
    }

    /// <returns>The key bytes, or null when the secret is not base64 (with or without its prefix).</returns>
    public static byte[]? Key(string secret)
    {
        var text = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }
}
