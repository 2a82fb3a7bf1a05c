using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Backups;
using Christmas.Tests.Fixtures;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Backups;

/// <summary><c>/api/backups</c> on SQLite: a consistent copy under webhook load, the list's shape, Keep, and Admins only.</summary>
public sealed class BackupsApiTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Backup:Keep"] = "3" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string BackupDirectory => Path.Combine(_app.DataDirectory, "backups");

    [Fact]
    public async Task ABackupMadeWhileWebhooksArrive_HoldsEveryWebhookAnsweredBeforeItStarted_AndPassesItsCheck()
    {
        var answered = new ConcurrentQueue<(string Email, DateTime At)>();
        using var stop = new CancellationTokenSource();
        var posters = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var email = $"load-{p}-{i}-{Guid.NewGuid():N}@example.com";
                var response = await _app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answered.Enqueue((email, DateTime.UtcNow));
            }
        })).ToList();
        await Eventually.WaitAsync(() => Task.FromResult(answered.Count), c => c >= 50, TimeSpan.FromSeconds(30), "webhooks before the backup");

        var startedAt = DateTime.UtcNow;
        var response = await _app.Api.PostAsync("/api/backups", null);
        await Eventually.WaitAsync(() => Task.FromResult(answered.Count(a => a.At > startedAt)), c => c >= 20, TimeSpan.FromSeconds(30), "webhooks after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(posters);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await TestApp.JsonAsync(response);
        var file = Path.Combine(BackupDirectory, entry.GetProperty("file").GetString()!);
        Assert.Null(SqliteFileCheck.Problem(file));
        var before = answered.Where(a => a.At < startedAt).Select(a => a.Email).ToHashSet();
        Assert.True(before.Count >= 50);
        using var copy = SqliteFileCheck.Open(file, SqliteOpenMode.ReadOnly);
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT \"Email\" FROM \"Contacts\" WHERE \"Email\" LIKE 'load-%'";
        var inCopy = new HashSet<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) inCopy.Add(reader.GetString(0));
        Assert.Empty(before.Except(inCopy));
        Assert.Equal([], Directory.GetFiles(BackupDirectory).Where(f => !f.EndsWith(".db")));
    }

    [Fact]
    public async Task TheList_IsNewestFirst_WithFileTimeAndSize_AndKeepDeletesTheOldest()
    {
        var made = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            var response = await _app.Api.PostAsync("/api/backups", null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            made.Add(await TestApp.JsonAsync(response));
        }

        var list = await _app.Api.GetFromJsonAsync<JsonElement>("/api/backups");
        var files = list.EnumerateArray().Select(b => b.GetProperty("file").GetString()).ToList();
        Assert.Equal(made.Skip(1).Reverse().Select(b => b.GetProperty("file").GetString()), files);
        foreach (var backup in list.EnumerateArray())
        {
            Assert.Matches(@"^christmas-\d{8}-\d{6}(-\d+)?\.db$", backup.GetProperty("file").GetString());
            Assert.InRange(backup.GetProperty("createdAt").GetDateTime(), DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(1));
            Assert.Equal(new FileInfo(Path.Combine(BackupDirectory, backup.GetProperty("file").GetString()!)).Length, backup.GetProperty("bytes").GetInt64());
            Assert.True(backup.GetProperty("bytes").GetInt64() > 0);
        }
        Assert.Equal(3, Directory.GetFiles(BackupDirectory, "*.db").Length);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "backup.create"));
        Assert.Equal(4, audited);
    }

    [Fact]
    public async Task TheScheduledBackup_IsAHangfireRecurringJobAt3Utc_ThatMakesACopy()
    {
        using (var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == BackupSchedule.JobId);
            Assert.Equal("0 3 * * *", job.Cron);
            Assert.Contains("UTC", job.TimeZoneId);
        }

        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(BackupSchedule.JobId);

        var list = await Eventually.WaitAsync(() => _app.Api.GetFromJsonAsync<JsonElement>("/api/backups"), l => l.GetArrayLength() == 1,
            TimeSpan.FromSeconds(30), "the scheduled backup");
        Assert.Null(SqliteFileCheck.Problem(Path.Combine(BackupDirectory, list[0].GetProperty("file").GetString()!)));
    }

    /// <summary>Re-posting a held member's stored batch would also send its batch mates, which may be cancelled or still held.</summary>
    [Fact]
    public async Task AReleasedMemberOfABatch_LeavesIt_AndKeepsItsMessage_WhileItsHeldBatchMateStaysOut()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, "batch-held@example.com"))).StatusCode);
        var ids = await _app.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == "batch-held@example.com" && s.Number > 1)
            .OrderBy(s => s.Number).Select(s => s.Id).Take(2).ToListAsync());
        await _app.WithDbAsync(async db =>
        {
            // What a restore leaves when the backup was taken with a batch formed: members held, body and messages stored.
            var batch = new Christmas.Core.Delivery.Batches.SendBatch(DateTime.UtcNow, "[{},{}]", 2);
            db.SendBatches.Add(batch);
            await db.SaveChangesAsync();
            for (var i = 0; i < ids.Count; i++)
                await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Steps" SET "Status" = 'Held', "BatchId" = {batch.Id}, "BatchIndex" = {i}, "MessageJson" = {"{\"kept\":" + i + "}"} WHERE "Id" = {ids[i]}""");
            return 0;
        });

        var release = await _app.Api.PostAsJsonAsync("/api/held-steps/release", new { ids = new[] { ids[0] } });
        Assert.Equal(1, (await TestApp.JsonAsync(release)).GetProperty("released").GetInt32());

        var steps = await _app.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Number).ToListAsync());
        Assert.Equal((Christmas.Core.Sequences.StepStatus.Scheduled, (long?)null, "{\"kept\":0}"), (steps[0].Status, steps[0].BatchId, steps[0].MessageJson));
        Assert.False(steps[0].CanJoinBatch);
        Assert.Equal(Christmas.Core.Sequences.StepStatus.Held, steps[1].Status);
        Assert.NotNull(steps[1].BatchId);
    }

    [Fact]
    public async Task AMarketer_GetsA403_ForBackupsAndHeldSteps_AndABadHeldBodyIsA400NamingTheField()
    {
        await _app.CreateUserAsync("marketer@test.local", "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(_app, "marketer@test.local", "marketer-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/backups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsync("/api/backups", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/held-steps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsJsonAsync("/api/held-steps/release", new { all = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/api/backups")).StatusCode);
        foreach (var (body, field) in new (object, string)[] { (new { }, "ids"), (new { ids = Array.Empty<long>() }, "ids"),
                     (new { ids = new[] { "x" } }, "ids"), (new { ids = new[] { 1 }, all = true }, "all") })
        {
            var refused = await _app.Api.PostAsJsonAsync("/api/held-steps/release", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await TestApp.JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _), $"{JsonSerializer.Serialize(body)} names {field}");
        }
        Assert.Equal(0, (await TestApp.JsonAsync(await _app.Api.PostAsJsonAsync("/api/held-steps/cancel", new { all = true }))).GetProperty("cancelled").GetInt32());
        Assert.False(Directory.Exists(BackupDirectory));
    }
}
