using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Christmas.Admin.Components.Account;
using Christmas.Core.Accounts;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Security;

public sealed class ConsoleAccessTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.CreateUserAsync("marketer@test.local", "marketer-password-1", ConsoleRoles.Marketer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASignedInMarketer_UsesTheApiWithTheCookie_ButNotAdminActions()
    {
        using var marketer = await ConsoleHttpSession.SignInAsync(_app, "marketer@test.local", "marketer-password-1");

        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync("/api/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsync("/api/sequences/reschedule-pending", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/hangfire")).StatusCode);
        Assert.False((await (await _app.Api.GetAsync("/api/settings/testing-mode")).Content.ReadFromJsonAsync<TestingMode>())!.Enabled);
    }

    [Fact]
    public async Task ASignedInAdmin_MayChangeTestingMode_AndOpenTheDashboard()
    {
        using var admin = await ConsoleHttpSession.SignInAsync(_app, TestApp.AdminEmail, TestApp.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryToken_IsRefused_AndSignsNobodyIn()
    {
        using var client = ConsoleHttpSession.NewClient(_app);

        var response = await ConsoleHttpSession.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/contacts")).StatusCode);
    }

    [Fact]
    public async Task ABrowserWithoutASession_IsSentToTheLoginPage_AndAScriptGets401()
    {
        using var client = ConsoleHttpSession.NewClient(_app);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/contacts");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var browser = await client.SendAsync(page);
        var script = await client.GetAsync("/api/contacts");

        Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
        Assert.StartsWith("/account/login", browser.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
    }

    private sealed record TestingMode(bool Enabled);
}

/// <summary>The sign-in page's return URL, a pure function: no app is started for it.</summary>
public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("contacts", "/contacts")]
    [InlineData("/contacts/a@b.c", "/contacts/a@b.c")]
    [InlineData("//evil.example.com", "/")]
    [InlineData("/\\evil.example.com", "/")]
    [InlineData("https://evil.example.com", "/https://evil.example.com")]
    [InlineData("/contacts/été?q=ü", "/contacts/%C3%A9t%C3%A9?q=%C3%BC")]
    public void TheReturnUrl_AfterSignIn_StaysOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, LoginPage.LocalReturnUrl(returnUrl));
}
