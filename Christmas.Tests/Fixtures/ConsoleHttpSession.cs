using System.Net;
using System.Text.RegularExpressions;

namespace Christmas.Tests.Fixtures;

/// <summary>Signs in through the real login form (with its antiforgery token) and keeps the cookie, like a browser without JavaScript.</summary>
public static partial class ConsoleHttpSession
{
    /// <param name="cookies">A browser's cookie jar; cookies go by host, not port, so one jar reaches every instance on a host.</param>
    public static HttpClient NewClient(TestApp app, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    public static async Task<HttpClient> SignInAsync(TestApp app, string email, string password, CookieContainer? cookies = null)
    {
        var client = NewClient(app, cookies);
        var response = await PostLoginAsync(client, email, password, withAntiforgery: true);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return client;
    }

    /// <param name="path">The login page's URL, e.g. with a <c>ReturnUrl</c>.</param>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, bool withAntiforgery,
        string path = "/account/login")
    {
        var form = await client.GetStringAsync(path);
        var fields = new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = password };
        if (withAntiforgery) fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The user menu's Sign out button: its form, with the token from a console page.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value };
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
