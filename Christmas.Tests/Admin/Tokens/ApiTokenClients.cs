using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Tokens;

/// <summary>Makes stored tokens through <c>POST /api/tokens</c> (with the bootstrap token) and clients that present them.</summary>
public static class ApiTokenClients
{
    public sealed record MadeToken(long Id, string Name, string Secret);

    public static async Task<MadeToken> CreateAsync(TestApp app, IEnumerable<string> scopes, string? name = null, DateTime? expiresAt = null)
    {
        name ??= $"t-{Guid.NewGuid():N}"[..12];
        var response = await app.Api.PostAsJsonAsync("/api/tokens", new { name, scopes = scopes.ToArray(), expiresAt });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/tokens: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new MadeToken(json.GetProperty("id").GetInt64(), name, json.GetProperty("secret").GetString()!);
    }

    public static HttpClient Bearer(TestApp app, string secret)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>HTTP Basic with any user name and the token as password, as Kestra's clients send it.</summary>
    public static HttpClient Basic(TestApp app, string secret)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"script:{secret}")));
        return client;
    }
}
