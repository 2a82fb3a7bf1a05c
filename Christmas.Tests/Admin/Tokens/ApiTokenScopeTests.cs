using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Christmas.Core.Tokens;
using Christmas.Tests.Fixtures;
using Xunit.Abstractions;

namespace Christmas.Tests.Admin.Tokens;

/// <summary>
/// Every operation in the OpenAPI document that needs a credential declares the token scope it needs
/// (<c>x-required-scope</c>), and is held to it: a token with every other scope gets a 403 naming that
/// one, a token with only that scope gets through. An endpoint mapped without a declaration fails here.
/// </summary>
public sealed partial class ApiTokenScopeTests(SharedApp shared, ITestOutputHelper output) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private sealed record Operation(string Method, string Path, string? Scope)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private async Task<List<Operation>> GuardedOperationsAsync()
    {
        var doc = await App.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            // Webhooks, Resend's events and other public endpoints say "no credential" with an empty security list.
            if (op.Value.TryGetProperty("security", out var security) && security.GetArrayLength() == 0) continue;
            var scope = op.Value.TryGetProperty("x-required-scope", out var s) ? s.GetString() : null;
            operations.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, scope));
        }
        return operations;
    }

    [Fact]
    public async Task EveryGuardedOperation_DeclaresAKnownScope()
    {
        var operations = await GuardedOperationsAsync();
        Assert.Contains(operations, o => o.Path == "/api/contacts/{email}" && o.Scope == ApiScopes.ContactsRead);
        var undeclared = operations.Where(o => o.Scope is null || !ApiScopes.IsKnown(o.Scope)).Select(o => o.ToString()).ToList();
        Assert.True(undeclared.Count == 0,
            "These operations declare no token scope (add .RequireScope(ApiScopes.…) to their group or endpoint, and a row to README's scope table):\n"
            + string.Join("\n", undeclared));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task EveryOperation_RefusesATokenWithoutItsScope_NamingIt_AndAdmitsOneWithIt()
    {
        var operations = (await GuardedOperationsAsync()).Where(o => o.Scope is not null).ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations found");
        var without = new Dictionary<string, HttpClient>();
        var only = new Dictionary<string, HttpClient>();
        foreach (var scope in ApiScopes.All)
        {
            // "Every other scope" leaves out admin too, which would open everything.
            var others = ApiScopes.All.Where(s => s != scope && s != ApiScopes.Admin);
            without[scope] = ApiTokenClients.Bearer(App, (await ApiTokenClients.CreateAsync(App, others, $"all-but-{scope}")).Secret);
            only[scope] = ApiTokenClients.Bearer(App, (await ApiTokenClients.CreateAsync(App, [scope], $"only-{scope}")).Secret);
        }

        var failures = new List<string>();
        // Outside the document: the Prometheus scrape and the scheduler's dashboard.
        foreach (var op in operations.Append(new Operation("GET", "/metrics", ApiScopes.Metrics)).Append(new Operation("GET", "/hangfire", ApiScopes.Admin)))
        {
            var url = Parameter().Replace(op.Path, m => Sample(m.Groups[1].Value));
            var refused = await without[op.Scope!].SendAsync(new HttpRequestMessage(new HttpMethod(op.Method), url));
            var detail = refused.StatusCode == HttpStatusCode.Forbidden ? (await TestApp.JsonAsync(refused)).GetProperty("detail").GetString() : null;
            if (detail != $"This token lacks the scope {op.Scope}.")
                failures.Add($"{op} without {op.Scope}: {(int)refused.StatusCode} {detail}");

            var admitted = await only[op.Scope!].SendAsync(new HttpRequestMessage(new HttpMethod(op.Method), url));
            output.WriteLine($"{op} [{op.Scope}]: without {(int)refused.StatusCode}, with {(int)admitted.StatusCode}");
            if (admitted.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)admitted.StatusCode >= 500)
                failures.Add($"{op} with only {op.Scope}: {(int)admitted.StatusCode} {await admitted.Content.ReadAsStringAsync()}");
        }
        foreach (var client in without.Values.Concat(only.Values)) client.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Values that name nothing (so a write finds nothing to change) but pass the routes' constraints.</summary>
    private static string Sample(string parameter) => parameter switch
    {
        "email" => "nobody-here@example.com",
        "ns" => "christmas",
        _ => "999999",
    };

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex Parameter();
}
