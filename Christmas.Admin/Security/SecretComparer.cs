using System.Security.Cryptography;
using System.Text;

namespace Christmas.Admin.Security;

/// <summary>Constant-time comparison of secrets; hashing first hides the length as well.</summary>
public static class SecretComparer
{
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected)) return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
