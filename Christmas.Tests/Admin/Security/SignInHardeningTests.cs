using System.Diagnostics;
using System.Net;
using Christmas.Admin.Security.SignIn;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Security;

/// <summary>
/// Signing in tells nobody which accounts exist, a guesser on one machine is stopped without locking the
/// account, failures are audited, and signing out ends the session wherever its cookie was copied.
/// </summary>
public sealed class SignInHardeningTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A client as if behind the proxy at this address (the test client is on loopback, a trusted proxy).</summary>
    private HttpClient ClientFrom(string address)
    {
        var client = ConsoleHttpSession.NewClient(_app);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<(string Html, TimeSpan Took)> FailAsync(string address, string email)
    {
        using var client = ClientFrom(address);
        var clock = Stopwatch.StartNew();
        var response = await ConsoleHttpSession.PostLoginAsync(client, email, "not-the-password-123", withAntiforgery: true);
        var took = clock.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), took);
    }

    [Fact]
    public async Task AnUnknownEmail_AndAWrongPassword_GetTheSameAnswer_InTheSameTime()
    {
        await FailAsync("198.51.100.1", "warm-up@test.local"); // first render and first hash out of the measurements
        var wrong = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        string? wrongHtml = null, unknownHtml = null;
        for (var i = 0; i < 5; i++)
        {
            (wrongHtml, var w) = await FailAsync($"198.51.100.{10 + i}", TestApp.AdminEmail);
            (unknownHtml, var u) = await FailAsync($"198.51.100.{20 + i}", $"nobody-{i}@test.local");
            wrong.Add(w);
            unknown.Add(u);
        }

        Assert.Contains(System.Net.WebUtility.HtmlEncode(ConsoleSignIn.Refused), wrongHtml);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(ConsoleSignIn.Refused), unknownHtml);
        // Without the stand-in hash an unknown email answers in a small fraction of a password check; medians,
        // and a wide margin, since other tests share the machine.
        var (wrongMedian, unknownMedian) = (wrong.Order().ElementAt(2), unknown.Order().ElementAt(2));
        Assert.True(unknownMedian > wrongMedian / 3, $"unknown email: {unknownMedian.TotalMilliseconds:F0} ms, wrong password: {wrongMedian.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task FiveFailuresFromOneAddress_StopThatAddress_ButTheAdminStillSignsInFromAnother_AndItIsAudited()
    {
        for (var i = 0; i < SignInThrottle.MaxFailures; i++) await FailAsync("203.0.113.9", TestApp.AdminEmail);

        using var guesser = ClientFrom("203.0.113.9");
        var stopped = await ConsoleHttpSession.PostLoginAsync(guesser, TestApp.AdminEmail, TestApp.AdminPassword, withAntiforgery: true);
        using var admin = ClientFrom("192.0.2.44");
        var signedIn = await ConsoleHttpSession.PostLoginAsync(admin, TestApp.AdminEmail, TestApp.AdminPassword, withAntiforgery: true);

        Assert.Contains("Too many failed sign-ins from this address", await stopped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "account.sign-in-failed").ToListAsync());
        Assert.Equal(SignInThrottle.MaxFailures + 1, audited.Count);
        Assert.All(audited, e => Assert.Equal(TestApp.AdminEmail, e.Target));
        Assert.Contains(audited, e => e.Detail!.Contains("from 203.0.113.9: wrong password"));
        Assert.Contains(audited, e => e.Detail!.Contains("too many failed sign-ins"));
    }

    [Fact]
    public async Task ALockout_IsAudited()
    {
        // Twenty wrong passwords from four addresses (each stays under the per-address throttle) lock the account.
        for (var i = 0; i < 4 * SignInThrottle.MaxFailures; i++) await FailAsync($"192.0.2.{100 + i / SignInThrottle.MaxFailures}", TestApp.AdminEmail);

        var lockouts = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "account.locked-out").ToListAsync());

        Assert.Equal(TestApp.AdminEmail, Assert.Single(lockouts).Target);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession_ForACopiedCookieToo()
    {
        var jar = new CookieContainer();
        using var browser = await ConsoleHttpSession.SignInAsync(_app, TestApp.AdminEmail, TestApp.AdminPassword, jar);
        var copy = new CookieContainer();
        copy.Add(jar.GetAllCookies());
        using var thief = ConsoleHttpSession.NewClient(_app, copy);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/contacts")).StatusCode);

        var signedOut = await ConsoleHttpSession.SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/contacts")).StatusCode);
    }

    [Theory]
    [InlineData("/contacts/%C3%A9t%C3%A9", "/contacts/%C3%A9t%C3%A9")]
    [InlineData("/contacts/été", "/contacts/%C3%A9t%C3%A9")]
    public async Task ANonAsciiReturnUrl_RedirectsThere_Encoded(string returnUrl, string expected)
    {
        using var client = ConsoleHttpSession.NewClient(_app);

        var response = await ConsoleHttpSession.PostLoginAsync(client, TestApp.AdminEmail, TestApp.AdminPassword, withAntiforgery: true,
            "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(expected, location.IsAbsoluteUri ? location.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped) : location.OriginalString);
    }
}
