using System.Net;
using Christmas.Core.Tokens;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Tokens;

/// <summary>Without Admin:ApiToken the API is not closed to stored tokens, and a wrong token is told it is wrong.</summary>
public sealed class BootstrapTokenUnsetTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Admin:ApiToken"] = "" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AStoredToken_Works_AndAWrongOneIsToldItIsUnknown()
    {
        var made = await _app.Services.GetRequiredService<ApiTokenOperations>()
            .CreateAsync(new ApiTokenRequest("nightly-export", [ApiScopes.ContactsRead], null), TestApp.AdminEmail, CancellationToken.None);
        using var stored = ApiTokenClients.Basic(_app, made.Value!.Secret);
        Assert.Equal(HttpStatusCode.OK, (await stored.GetAsync("/api/contacts")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Api.GetAsync("/api/contacts")).StatusCode);
        var refused = await _app.Api.GetAsync("/api/contacts");
        var problem = await TestApp.JsonAsync(refused);
        Assert.Equal("Invalid API token", problem.GetProperty("title").GetString());
        Assert.Equal("unknown", problem.GetProperty("reason").GetString());
        Assert.DoesNotContain("closed", problem.GetProperty("detail").GetString());
    }
}
