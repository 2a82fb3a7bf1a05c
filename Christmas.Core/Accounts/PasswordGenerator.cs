using System.Security.Cryptography;

namespace Christmas.Core.Accounts;

/// <summary>Random passwords for new accounts, without look-alike characters (0/O, 1/l/I) so they can be read out.</summary>
public static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate(int length = 16) => RandomNumberGenerator.GetString(Alphabet, length);
}
