using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Christmas.Core.Campaign;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Admin.Backups;

/// <summary>
/// <c>Christmas.Admin restore &lt;file&gt;</c> as its own process: the app starts on the restored database, every unsent step
/// is held and never sent until an Admin releases it (then once) or cancels it; a bad file changes nothing.
/// </summary>
public sealed class RestoreTests : IDisposable
{
    private static readonly Dictionary<string, string?> Testing = new() { ["Campaign:TestingMode"] = "true" };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public void Dispose() => TestApp.DeleteDirectory(_root);

    private string Dir(string name) => Path.Combine(_root, name);

    private static async Task<(int Exit, string Output, string Error)> RestoreAsync(string dataDirectory, string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { AppProcess.AdminDll(), "restore", file }) start.ArgumentList.Add(arg);
        start.Environment["Campaign__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await error);
    }

    private static Task<List<OutboxMessage>> OutboxAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).ToListAsync());

    private static async Task<string> BackupAsync(TestApp app)
    {
        var response = await app.Api.PostAsync("/api/backups", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Path.Combine(app.DataDirectory, "backups", (await TestApp.JsonAsync(response)).GetProperty("file").GetString()!);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AfterARestore_UnsentStepsAreHeld_NotSentUntilReleased_ThenSentOnce_OrCancelled()
    {
        var released = $"rel-{Guid.NewGuid():N}@example.com";
        var cancelled = $"can-{Guid.NewGuid():N}@example.com";
        var anchor = _clock.GetUtcNow();
        string backup;
        await using (var before = await TestApp.StartAsync(_clock, Dir("before"), Testing))
        {
            foreach (var email in new[] { released, cancelled })
                (await before.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();
            backup = await BackupAsync(before);
            // Email #2 of each goes out after the backup: the gap a restore cannot see.
            _clock.SetUtcNow(anchor.AddMinutes(1));
            await Eventually.WaitAsync(() => before.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == released || m.To == cancelled)),
                c => c == 2, TimeSpan.FromSeconds(10), "email #2 of both before the restore");
        }

        var restored = await RestoreAsync(Dir("after"), backup);
        Assert.True(restored.Exit == 0, restored.Error + restored.Output);
        Assert.Contains(backup, restored.Output);
        Assert.Matches(@"steps held:\s+8\b", restored.Output);
        Assert.Contains("backup time:", restored.Output);

        await using var after = await TestApp.StartAsync(_clock, Dir("after"), Testing);
        var contact = await after.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{released}");
        var statuses = contact.GetProperty("sequences")[0].GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(["sent", "held", "held", "held", "held"], statuses);
        Assert.Equal(4, contact.GetProperty("upcoming").GetArrayLength());
        Assert.All(contact.GetProperty("upcoming").EnumerateArray(), u => Assert.StartsWith("held after a restore", u.GetProperty("wouldSkipBecause").GetString()));

        _clock.SetUtcNow(anchor.AddMinutes(10));
        await Task.Delay(1500);
        Assert.Empty(await OutboxAsync(after, released));
        Assert.Empty(await OutboxAsync(after, cancelled));
        var held = await after.Api.GetFromJsonAsync<JsonElement>("/api/held-steps?size=50");
        Assert.Equal(8, held.GetProperty("total").GetInt32());
        var first = held.GetProperty("results")[0];
        Assert.Equal("assessment", first.GetProperty("sequence").GetString());
        Assert.True(first.TryGetProperty("dueAt", out _));
        var ids = held.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("email").GetString() == released)
            .Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(4, ids.Count);

        var release = await after.Api.PostAsJsonAsync("/api/held-steps/release", new { ids });
        Assert.Equal(4, (await TestApp.JsonAsync(release)).GetProperty("released").GetInt32());
        var cancel = await after.Api.PostAsJsonAsync("/api/held-steps/cancel", new { all = true });
        Assert.Equal(4, (await TestApp.JsonAsync(cancel)).GetProperty("cancelled").GetInt32());

        await Eventually.WaitAsync(() => OutboxAsync(after, released), m => m.Count >= 4, TimeSpan.FromSeconds(15), "the released steps sent");
        await Task.Delay(1000);
        var sent = await OutboxAsync(after, released);
        Assert.Equal(4, sent.Count);
        Assert.Equal(ids.Order(), sent.Select(m => m.StepId).Order());
        Assert.Empty(await OutboxAsync(after, cancelled));
        var cancelledSteps = await after.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == cancelled && s.Number > 1).ToListAsync());
        Assert.All(cancelledSteps, s => Assert.Equal(StepStatus.Cancelled, s.Status));
        Assert.Equal(0, (await after.Api.GetFromJsonAsync<JsonElement>("/api/held-steps")).GetProperty("total").GetInt32());
        var audit = await after.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync());
        Assert.Contains("backup.restore", audit);
        Assert.Contains("held.release", audit);
        Assert.Contains("held.cancel", audit);
        Assert.Contains(Directory.GetFiles(Dir("after")), f => Path.GetFileName(f) == "campaign.db");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task ABadFile_ExitsWith1_AndChangesNothing()
    {
        string backup;
        await using (var app = await TestApp.StartAsync(dataDirectory: Dir("app")))
        {
            (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup($"b-{Guid.NewGuid():N}@example.com"))).EnsureSuccessStatusCode();
            backup = await BackupAsync(app);
        }
        SqliteConnection.ClearAllPools();
        var text = Path.Combine(_root, "notes.db");
        await File.WriteAllTextAsync(text, "not a database");
        var foreign = Path.Combine(_root, "foreign.db");
        using (var other = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);";
            create.ExecuteNonQuery();
        }
        var corrupt = Path.Combine(_root, "corrupt.db");
        var bytes = await File.ReadAllBytesAsync(backup);
        for (var i = 4096 * 2; i < Math.Min(bytes.Length, 4096 * 6); i++) bytes[i] = 0x5A;
        await File.WriteAllBytesAsync(corrupt, bytes);
        var untouched = Snapshot(Dir("app"));

        foreach (var (file, says) in new[] { (text, "is not a SQLite database"), (foreign, "not this app's"), (corrupt, "corrupt.db"),
                     (Path.Combine(_root, "missing.db"), "does not exist") })
        {
            var refused = await RestoreAsync(Dir("app"), file);
            Assert.Equal(1, refused.Exit);
            Assert.Contains(says, refused.Error);
            Assert.Contains("Nothing changed", refused.Error);
            Assert.Equal(untouched, Snapshot(Dir("app")));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WhileTheAppRuns_RestoreRefuses_AndTheAppKeepsWorking_ThenOnceStopped_ItRestores()
    {
        var kept = $"k-{Guid.NewGuid():N}@example.com";
        string backup;
        await using (var app = await TestApp.StartAsync(dataDirectory: Dir("app")))
        {
            backup = await BackupAsync(app);
            var refused = await RestoreAsync(Dir("app"), backup);
            Assert.Equal(1, refused.Exit);
            Assert.Contains("the app is running", refused.Error);
            Assert.Contains("Nothing changed", refused.Error);
            Assert.DoesNotContain(Directory.GetFiles(Dir("app")), f => f.Contains("before-restore"));
            (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(kept))).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.OK, (await app.Api.GetAsync($"/api/contacts/{kept}")).StatusCode);
        }

        // Stopped, the lock is gone with it.
        var restored = await RestoreAsync(Dir("app"), backup);
        Assert.True(restored.Exit == 0, restored.Error + restored.Output);
    }

    [Fact]
    public async Task AnAppStartedDuringARestore_StopsWithAMessage_InsteadOfOpeningFilesHalfMoved()
    {
        var paths = new DataPaths(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = _root },
            Microsoft.Extensions.Options.Options.Create(new CampaignOptions { DataDirectory = Dir("restoring") }));
        using var restore = new RunningAppLock(paths);
        using var exclusive = restore.TryTakeExclusively();
        Assert.NotNull(exclusive);

        var failed = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(dataDirectory: Dir("restoring")));
        Assert.Contains("is being restored", failed.ToString());
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
