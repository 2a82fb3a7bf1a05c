using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Npgsql;

namespace Christmas.Tests.Admin.Backups;

/// <summary>On PostgreSQL the app makes no backups itself (a clear 409 naming pg_dump); README's pg_dump / pg_restore commands bring the data back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupsOnPostgresTests(PostgresServer postgres) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => TestApp.DeleteDirectory(_directory);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task PostBackups_Is409PointingToPgDump_AndAPgDumpRestoredIntoAFreshDatabase_StartsTheAppWithItsData()
    {
        Directory.CreateDirectory(_directory);
        var dump = Path.Combine(_directory, "christmas.dump");
        var emails = Enumerable.Range(0, 5).Select(i => $"pg-backup-{i}-{Guid.NewGuid():N}@example.com").ToList();
        var settings = await postgres.SettingsAsync();
        await using (var app = await TestApp.StartAsync(settings: settings))
        {
            foreach (var email in emails) (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email))).EnsureSuccessStatusCode();

            var refused = await app.Api.PostAsync("/api/backups", null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await TestApp.JsonAsync(refused);
            Assert.Contains("pg_dump", problem.GetProperty("detail").GetString());
            Assert.Contains("README", problem.GetProperty("detail").GetString());

            // README: pg_dump -Fc -f christmas.dump "$DATABASE"
            var source = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Postgres"]);
            await RunAsync(postgres.Tool("pg_dump"), "-Fc", "-f", dump, "-h", source.Host!, "-p", source.Port.ToString(), "-U", source.Username!, source.Database!);
        }

        // README: pg_restore --clean --if-exists -d "$DATABASE" christmas.dump (here into a new, empty database)
        var fresh = await postgres.NewDatabaseAsync();
        var target = new NpgsqlConnectionStringBuilder(fresh);
        await RunAsync(postgres.Tool("pg_restore"), "--clean", "--if-exists", "-h", target.Host!, "-p", target.Port.ToString(), "-U", target.Username!, "-d", target.Database!, dump);

        await using var restored = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = fresh,
        });
        foreach (var email in emails)
        {
            var contact = await restored.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
            Assert.Equal(email, contact.GetProperty("email").GetString());
        }
        (await restored.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup($"after-{Guid.NewGuid():N}@example.com"))).EnsureSuccessStatusCode();
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}");
    }
}
