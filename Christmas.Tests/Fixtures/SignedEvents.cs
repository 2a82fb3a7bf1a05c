using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Christmas.Tests.Fixtures;

/// <summary>Resend delivery events as Resend sends them: a JSON body signed the Svix way, computed here independently of the app's code.</summary>
public static class SignedEvents
{
    /// <summary>A known test secret: 32 bytes 0x01..0x20, base64, with Svix's prefix.</summary>
    public static readonly string Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string Body(string type, string emailId, DateTimeOffset at, object? extra = null)
    {
        var data = new Dictionary<string, object?>
        {
            ["email_id"] = emailId,
            ["created_at"] = at.ToString("O"),
            ["from"] = "BusOS Team <team@busos.example>",
            ["to"] = new[] { "customer@example.com" },
            ["subject"] = "Your results",
        };
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject()) data[p.Name] = p.Value;
        return JsonSerializer.Serialize(new { type, created_at = at.ToString("O"), data });
    }

    /// <summary>The <c>v1,</c> signature of a message: HMAC-SHA256 over "id.timestamp.body" with the secret's bytes.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }

    public static HttpRequestMessage Request(string body, string id, DateTimeOffset sentAt, string? signature = null, string? secret = null)
    {
        var timestamp = sentAt.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/resend/webhooks")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", timestamp.ToString());
        request.Headers.Add("svix-signature", signature ?? Sign(secret ?? Secret, id, timestamp, body));
        return request;
    }

    public static string NewId() => $"msg_{Guid.NewGuid():N}";
}
