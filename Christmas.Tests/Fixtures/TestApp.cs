using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// The real app on a real loopback port, with its own temporary data directory (SQLite file and
/// Hangfire store). Optionally on fake time. Dispose stops it; <see cref="DataDirectory"/> can be
/// handed to a second instance to show what survives a restart.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string ApiToken = "test-api-token-0123456789";
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-for-tests";
    private readonly WebApplicationFactory<Program> _factory;
    private readonly bool _ownsDirectory;

    private TestApp(WebApplicationFactory<Program> factory, string dataDirectory, bool ownsDirectory)
    {
        _factory = factory;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    /// <summary>A client without credentials, like the website.</summary>
    public HttpClient Anonymous { get; }
    /// <summary>A client with the operator API token.</summary>
    public HttpClient Api { get; }
    public IServiceProvider Services => _factory.Services;

    /// <param name="time">Fake time for scheduling tests; null runs on the real clock.</param>
    /// <param name="services">Extra test services (e.g. a <see cref="CapturedLogs"/> provider), added after the app's own.</param>
    public static Task<TestApp> StartAsync(FakeTimeProvider? time = null, string? dataDirectory = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var owns = dataDirectory is null;
        var directory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Campaign:DataDirectory", directory);
            web.UseSetting("Admin:ApiToken", ApiToken);
            web.UseSetting("Admin:Email", AdminEmail);
            web.UseSetting("Admin:Password", AdminPassword);
            web.UseSetting("Scheduler:QueuePollInterval", "00:00:00.100");
            // Tests post far faster than a website, all from loopback; WebhookRateLimitTests set their own limit.
            web.UseSetting("Webhooks:RateLimit:PermitsPerSecond", "1000000");
            web.UseSetting("Webhooks:RateLimit:Burst", "1000000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) web.UseSetting(key, value);
            if (time is not null) web.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
            if (services is not null) web.ConfigureTestServices(services);
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return Task.FromResult(new TestApp(factory, directory, owns));
    }

    public async Task<T> WithDbAsync<T>(Func<CampaignDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CampaignDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Adds a console user with a role, as an Admin would on the Users page.</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = new ConsoleUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    public Task<HttpResponseMessage> PostWebhookAsync(string handler, object body, string? key = null) =>
        Anonymous.PostAsJsonAsync(Webhooks.Url(handler, key), body);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Api.Dispose();
        await _factory.DisposeAsync();
        // A stopped app's PostgreSQL connections stay idle in Npgsql's pools (per connection string, so
        // one per test database) for 5 minutes: closed now, so the suite never reaches max_connections.
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_ownsDirectory) DeleteDirectory(DataDirectory);
    }

    public static void DeleteDirectory(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* a file still held by a closing pool; the temp folder is cleaned by the OS */ }
    }
}
