using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Tokens;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Tokens;

/// <summary><c>/api/tokens</c> over HTTP: the secret answered once and stored only as a hash, scopes, expiry, revocation and the audit.</summary>
public abstract class ApiTokensApiTests
{
    protected abstract TestApp App { get; }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Create_AnswersTheSecretOnce_AndTheListAndTheDatabaseHoldOnlyItsHash()
    {
        var name = $"grafana-{Guid.NewGuid():N}"[..16];
        var expires = DateTime.UtcNow.AddDays(30);
        var response = await App.Api.PostAsJsonAsync("/api/tokens", new { name, scopes = new[] { "metrics", "monitoring:read" }, expiresAt = expires });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await TestApp.JsonAsync(response);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("cct_", secret);
        Assert.True(secret.Length >= 40, "the secret carries at least 256 random bits");
        Assert.Equal(["monitoring:read", "metrics"], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("api-token", created.GetProperty("createdBy").GetString());
        var id = created.GetProperty("id").GetInt64();

        var listText = await App.Api.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(secret, listText);
        Assert.DoesNotContain(secret[4..], listText);
        var listed = JsonDocument.Parse(listText).RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == id);
        Assert.Equal(["id", "name", "scopes", "createdAt", "createdBy", "expiresAt", "lastUsedAt", "revokedAt"],
            listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(name, listed.GetProperty("name").GetString());
        Assert.Equal(expires, listed.GetProperty("expiresAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);

        var row = await App.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(Sha256(secret), row.SecretHash);
        var stored = typeof(ApiToken).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(row) ?? "");
        Assert.DoesNotContain(stored, value => value.Contains(secret[4..]));
    }

    [Fact]
    public async Task AStoredToken_WorksWithBearerAndBasic_WithinItsScopes_AndRecordsItsLastUse()
    {
        var token = await ApiTokenClients.CreateAsync(App, [ApiScopes.ContactsRead]);
        using var bearer = ApiTokenClients.Bearer(App, token.Secret);
        using var basic = ApiTokenClients.Basic(App, token.Secret);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("/api/suppressions")).StatusCode);

        var refused = await bearer.GetAsync("/api/tokens");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("This token lacks the scope admin.", (await TestApp.JsonAsync(refused)).GetProperty("detail").GetString());
        var write = await basic.PostAsJsonAsync("/api/suppressions", new { email = "someone@example.com" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("This token lacks the scope contacts:write.", (await TestApp.JsonAsync(write)).GetProperty("detail").GetString());
        Assert.Contains("insufficient_scope", write.Headers.WwwAuthenticate.ToString());

        var list = await App.Api.GetFromJsonAsync<JsonElement>("/api/tokens");
        var used = list.EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == token.Id).GetProperty("lastUsedAt").GetDateTime();
        Assert.InRange(used.ToUniversalTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task ARevokedToken_IsRefusedAs401Revoked_AndCreateAndRevokeAreAudited()
    {
        var token = await ApiTokenClients.CreateAsync(App, [ApiScopes.MonitoringRead]);
        using var client = ApiTokenClients.Bearer(App, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/executions")).StatusCode);

        var revoke = await App.Api.DeleteAsync($"/api/tokens/{token.Id}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await TestApp.JsonAsync(revoke)).GetProperty("revokedAt").ValueKind);

        var refused = await client.GetAsync("/api/v1/executions");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        var problem = await TestApp.JsonAsync(refused);
        Assert.Equal("Invalid API token", problem.GetProperty("title").GetString());
        Assert.Equal("revoked", problem.GetProperty("reason").GetString());
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.DeleteAsync("/api/tokens/99999999")).StatusCode);

        var target = $"token {token.Id} ({token.Name})";
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == target).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["token.create", "token.revoke"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("api-token", e.Actor));
        Assert.Contains("monitoring:read", audit[0].Detail);
    }

    [Fact]
    public async Task AnExpiredToken_IsRefusedAs401Expired_AndAPastExpiryIsA400()
    {
        var token = await ApiTokenClients.CreateAsync(App, [ApiScopes.MonitoringRead], expiresAt: DateTime.UtcNow.AddHours(1));
        using var client = ApiTokenClients.Bearer(App, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/flows")).StatusCode);

        await App.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        var refused = await client.GetAsync("/api/v1/flows");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("expired", (await TestApp.JsonAsync(refused)).GetProperty("reason").GetString());

        var past = await App.Api.PostAsJsonAsync("/api/tokens", new { name = "late", scopes = new[] { "metrics" }, expiresAt = DateTime.UtcNow.AddMinutes(-5) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await TestApp.JsonAsync(past)).GetProperty("errors").TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public async Task AnUnknownToken_IsToldItIsUnknown()
    {
        using var client = ApiTokenClients.Bearer(App, "cct_" + new string('x', 43));
        var refused = await client.GetAsync("/api/contacts");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await TestApp.JsonAsync(refused);
        Assert.Equal("unknown", problem.GetProperty("reason").GetString());
        Assert.Contains("unknown", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AuditEntries_NameTheStoredTokenThatActed()
    {
        var ops = await ApiTokenClients.CreateAsync(App, [ApiScopes.Admin], name: $"ops-{Guid.NewGuid():N}"[..12]);
        var writer = await ApiTokenClients.CreateAsync(App, [ApiScopes.ContactsWrite], name: $"crm-{Guid.NewGuid():N}"[..12]);
        using var opsClient = ApiTokenClients.Bearer(App, ops.Secret);
        using var writerClient = ApiTokenClients.Basic(App, writer.Secret);

        var made = await opsClient.PostAsJsonAsync("/api/tokens", new { name = $"made-{Guid.NewGuid():N}"[..13], scopes = new[] { "metrics" } });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var email = $"s{Guid.NewGuid():N}"[..10] + "@example.com";
        Assert.Equal(HttpStatusCode.Created, (await writerClient.PostAsJsonAsync("/api/suppressions", new { email })).StatusCode);

        var madeTarget = $"token {(await TestApp.JsonAsync(made)).GetProperty("id").GetInt64()} (";
        var creator = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "token.create" && e.Target.StartsWith(madeTarget)));
        Assert.Equal($"api-token:{ops.Name}", creator.Actor);
        var suppressor = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == email).Select(e => e.Actor).ToListAsync());
        Assert.Contains($"api-token:{writer.Name}", suppressor);
    }

    [Fact]
    public async Task BadBodies_Answer400NamingTheField_AndAMarketerMayNotSeeTokens()
    {
        var noName = await App.Api.PostAsJsonAsync("/api/tokens", new { scopes = new[] { "metrics" } });
        Assert.True((await TestApp.JsonAsync(noName)).GetProperty("errors").TryGetProperty("name", out _));
        var badScope = await App.Api.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "contacts:delete" } });
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Contains("contacts:delete", (await TestApp.JsonAsync(badScope)).GetProperty("errors").GetProperty("scopes")[0].GetString());

        var email = $"m{Guid.NewGuid():N}"[..10] + "@example.com";
        await App.CreateUserAsync(email, "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(App, email, "marketer-password-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync("/api/contacts")).StatusCode);
    }
}

public sealed class ApiTokensApiOnSqliteTests(SharedApp shared) : ApiTokensApiTests, IClassFixture<SharedApp>
{
    protected override TestApp App => shared.App;
}

[Collection(PostgresCollection.Name)]
public sealed class ApiTokensApiOnPostgresTests(PostgresSharedApp shared) : ApiTokensApiTests, IClassFixture<PostgresSharedApp>
{
    protected override TestApp App => shared.App;
}
