using System.Security.Cryptography;

namespace Christmas.Core.Executions;

/// <summary>Kestra-like execution ids: 22 random base62 characters.</summary>
public static class ExecutionIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 22);
}
