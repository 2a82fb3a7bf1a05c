using System.Security.Cryptography;
using System.Text;

namespace Christmas.Core.Tokens;

/// <summary>
/// A token's secret: <c>cct_</c> and 32 random bytes (base64url), so a leaked one is recognisable in logs and
/// secret scanners. 256 bits leave nothing to guess, so one unsalted SHA-256 is enough to store it.
/// </summary>
public static class ApiTokenSecret
{
    public const string Prefix = "cct_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
