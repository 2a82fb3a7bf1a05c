using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Console;

/// <summary>What a new user meets first over HTTP: unknown pages, a wrong token, the tab's icon.</summary>
public sealed class FirstVisitTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private static HttpRequestMessage Page(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/contacts/x/y/z")]
    public async Task AnUnknownConsoleUrl_ShowsTheNotFoundPage_NotProblemJson(string path)
    {
        using var browser = await ConsoleHttpSession.SignInAsync(App, TestApp.AdminEmail, TestApp.AdminPassword);

        var answer = await browser.SendAsync(Page(path));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.Contains("Page not found", html);
        Assert.Contains("Christmas Campaign Console", html);
    }

    [Fact]
    public async Task AnUnknownConsoleUrl_WithoutSignIn_IsNotProblemJson()
    {
        using var browser = ConsoleHttpSession.NewClient(App);

        var answer = await browser.SendAsync(Page("/no-such-page"));

        Assert.NotEqual("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Redirect });
        if (answer.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/account/login", answer.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task AnUnknownApiPath_KeepsProblemJson_EvenForABrowser(string path)
    {
        var request = Page(path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.ApiToken);

        var answer = await App.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongToken_IsToldItIsInvalid_AndNoTokenIsToldToSendOne()
    {
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/contacts");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        var refused = await App.Anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var challenge = Assert.Single(refused.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        var problem = await TestApp.JsonAsync(refused);
        Assert.Equal("Invalid API token", problem.GetProperty("title").GetString());
        Assert.Contains("invalid", problem.GetProperty("detail").GetString());

        var missing = await App.Anonymous.GetAsync("/api/contacts");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.DoesNotContain("invalid_token", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Unauthorized", (await TestApp.JsonAsync(missing)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AWrongBasicPassword_IsToldTheTokenIsInvalid()
    {
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/v1/executions");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:wrong")));

        var refused = await App.Anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TheFavicon_IsLinkedFromEveryPage_AndServed()
    {
        var login = await App.Anonymous.GetStringAsync("/account/login");
        var link = System.Text.RegularExpressions.Regex.Match(login, "<link rel=\"icon\" type=\"image/png\" href=\"([^\"]+)\"");
        Assert.True(link.Success, "the page links no icon");

        foreach (var path in new[] { "/" + link.Groups[1].Value.TrimStart('/'), "/favicon.png" })
        {
            var icon = await App.Anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            Assert.Equal("image/png", icon.Content.Headers.ContentType?.MediaType);
            var bytes = await icon.Content.ReadAsByteArrayAsync();
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }
}
