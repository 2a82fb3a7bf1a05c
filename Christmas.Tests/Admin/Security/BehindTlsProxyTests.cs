using System.Net;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Security;

/// <summary>Behind a TLS proxy (loopback, trusted by default) the console's cookies are Secure; an untrusted proxy's headers are ignored.</summary>
public sealed class BehindTlsProxyTests
{
    private static async Task<string> SignInCookieAsync(TestApp app, string? forwardedProto)
    {
        using var client = ConsoleHttpSession.NewClient(app);
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var response = await ConsoleHttpSession.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword, withAntiforgery: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("christmas.console="));
    }

    [Fact]
    public async Task TheSignInCookie_IsSecure_WhenTheProxySaysHttps_AndNotOverPlainHttp()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Contains("secure", await SignInCookieAsync(app, "https"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await SignInCookieAsync(app, null), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InProduction_HttpsThroughTheProxy_GetsHsts()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["environment"] = "Production" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "campaign.example.com"; // HSTS is never sent for localhost names

        var response = await app.Anonymous.SendAsync(request);

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
