using System.Net;
using System.Net.Http.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Security;

/// <summary>
/// A page on a sibling host (same site, other origin) cannot make a signed-in operator's browser cancel,
/// resend, replay or reschedule: cookie-authenticated unsafe API calls must be same-origin. The token is unaffected.
/// </summary>
public sealed class SameOriginRequestTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private async Task<long> StartSequenceAsync()
    {
        var answer = await App.PostWebhookAsync("assessment-handler",
            Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, $"origin-{Guid.NewGuid():N}@example.com"));
        return (await TestApp.JsonAsync(answer)).GetProperty("sequenceId").GetInt64();
    }

    private static HttpRequestMessage Post(string path, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private Task<SequenceStatus> StatusAsync(long id) => App.WithDbAsync(db => db.Sequences.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());

    [Theory]
    [InlineData("https://www.example.com", "same-site")]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData("https://www.example.com", null)]
    [InlineData("null", null)]
    public async Task AForgedCancel_FromAnotherOrigin_Is403_AndTheSequenceStaysActive(string origin, string? fetchSite)
    {
        var id = await StartSequenceAsync();
        using var admin = await ConsoleHttpSession.SignInAsync(App, TestApp.AdminEmail, TestApp.AdminPassword);

        var response = await admin.SendAsync(Post($"/api/sequences/{id}/cancel", origin, fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Origin", (await TestApp.JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(SequenceStatus.Active, await StatusAsync(id));
    }

    [Theory]
    [InlineData("/api/sequences/reschedule-pending")]
    [InlineData("/api/steps/1/resend")]
    [InlineData("/api/v1/executions/some-id/replay")]
    [InlineData("/api/v1/main/executions/some-id/actions/replay")]
    public async Task EveryCookieAuthenticatedAction_RefusesACrossOriginPost(string path)
    {
        using var admin = await ConsoleHttpSession.SignInAsync(App, TestApp.AdminEmail, TestApp.AdminPassword);

        var response = await admin.SendAsync(Post(path, "https://www.example.com", "same-site"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheConsolesOwnPages_AndTheToken_StillCancel()
    {
        var fromConsole = await StartSequenceAsync();
        var fromScript = await StartSequenceAsync();
        using var admin = await ConsoleHttpSession.SignInAsync(App, TestApp.AdminEmail, TestApp.AdminPassword);
        var ownOrigin = App.BaseAddress.GetLeftPart(UriPartial.Authority);

        var sameOrigin = await admin.SendAsync(Post($"/api/sequences/{fromConsole}/cancel", ownOrigin, "same-origin"));
        var token = await App.Api.SendAsync(Post($"/api/sequences/{fromScript}/cancel", "https://evil.example", "cross-site"));

        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(SequenceStatus.Cancelled, await StatusAsync(fromConsole));
        Assert.Equal(SequenceStatus.Cancelled, await StatusAsync(fromScript));
    }

    [Fact]
    public async Task TheWebsitesWebhookCall_FromABrowserHoldingAConsoleCookie_StillWorks()
    {
        using var admin = await ConsoleHttpSession.SignInAsync(App, TestApp.AdminEmail, TestApp.AdminPassword);
        var request = Post(Fixtures.Webhooks.Url("signup-handler"), "https://www.example.com", "same-site");
        request.Content = JsonContent.Create(Fixtures.Webhooks.Signup($"site-{Guid.NewGuid():N}@example.com"));

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(request)).StatusCode);
    }
}
