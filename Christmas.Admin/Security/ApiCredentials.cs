using System.Text;

namespace Christmas.Admin.Security;

/// <summary>The API token a request presents: <c>Bearer &lt;token&gt;</c>, or <c>Basic base64(user:token)</c> (any user name).</summary>
public sealed record ApiCredentials(string Token)
{
    private const string Bearer = "Bearer ";
    private const string Basic = "Basic ";

    public static bool IsPresent(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || header.StartsWith(Basic, StringComparison.OrdinalIgnoreCase);
    }

    /// <returns>Null without a Bearer or Basic header; a Basic header that does not decode presents an empty token (refused).</returns>
    public static ApiCredentials? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return new ApiCredentials(header[Bearer.Length..].Trim());
        if (!header.StartsWith(Basic, StringComparison.OrdinalIgnoreCase)) return null;
        return new ApiCredentials(PasswordOf(header[Basic.Length..].Trim()));
    }

    private static string PasswordOf(string encoded)
    {
        Span<byte> bytes = stackalloc byte[Math.Min(encoded.Length, 2048)];
        if (encoded.Length > bytes.Length || !Convert.TryFromBase64String(encoded, bytes, out var length)) return "";
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes[..length]);
        }
        catch (DecoderFallbackException)
        {
            return "";
        }
        var colon = text.IndexOf(':');
        return colon < 0 ? "" : text[(colon + 1)..];
    }
}
