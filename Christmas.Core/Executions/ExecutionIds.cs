using System.Security.Cryptography;

namespace Christmas.Core.Executions;

/// <summary>
/// Kestra-like execution ids: 22 base62 characters. The first 8 encode the time in milliseconds, so
/// new ids go to the end of the primary-key index instead of a random page; the other 14 are random.
/// </summary>
public static class ExecutionIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(DateTime now)
    {
        Span<char> id = stackalloc char[22];
        var ms = (ulong)new DateTimeOffset(now).ToUnixTimeMilliseconds();
        for (var i = 7; i >= 0; i--, ms /= 62) id[i] = Alphabet[(int)(ms % 62)];
        RandomNumberGenerator.GetItems(Alphabet, id[8..]);
        return new string(id);
    }
}
