using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Xunit.Abstractions;

namespace Christmas.Tests.Faults;

/// <summary>
/// The SQLite file's disk fills up, or the file becomes read-only, under the running app (its own
/// process, its data on a small filesystem of its own). The website's calls must get a clean 503 (retry
/// later) with a clear log line, never a 500; a refused call leaves nothing behind and an accepted
/// one is whole; once space (or write access) is back, the same calls are taken again.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxCalls = 400;
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"christmas-storage-fault-{Guid.NewGuid():N}.log");
    private SmallFilesystem _fs = null!;
    private AppProcess _app = null!;
    private string Data => Path.Combine(_fs.Path, "data");

    public async Task InitializeAsync()
    {
        _fs = SmallFilesystem.Mount(megabytes: 48);
        _app = await AppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Campaign:DataDirectory"] = Data,
            ["Admin:ApiToken"] = TestApp.ApiToken,
            ["Resend:WebhookSecret"] = SignedEvents.Secret,
        }, _log); // the log lives off the small filesystem: it must not fill up with it
        _app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.ApiToken);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        output.WriteLine($"app log: {_log}");
        _fs.Dispose();
    }

    [Fact]
    public async Task A_full_disk_answers_503_keeps_nothing_half_written_and_recovers_when_space_returns()
    {
        var before = await PostAsync(3);
        Assert.All(before, c => Assert.Equal(HttpStatusCode.OK, c.Status));

        output.WriteLine($"filled the disk with {_fs.Fill() / 1024} KiB");
        var calls = await PostUntilRefusedAsync();
        await AssertCleanAsync(calls, "call failed: the disk holding the database is full");

        _fs.Free();
        await AssertRecoveredAsync(calls);
    }

    [Fact]
    public async Task A_read_only_database_file_answers_503_keeps_nothing_half_written_and_recovers_when_writable_again()
    {
        Assert.All(await PostAsync(3), c => Assert.Equal(HttpStatusCode.OK, c.Status));

        // The file and its write-ahead log; not the -shm index, which SQLite maps into memory (a write
        // through that mapping to an immutable file is a SIGBUS, a different fault from this one).
        var files = new[] { "campaign.db", "campaign.db-wal" }.Select(f => Path.Combine(Data, f)).ToList();
        foreach (var file in files) _fs.SetReadOnly(file, true);
        var calls = await PostUntilRefusedAsync();
        await AssertCleanAsync(calls, "call failed: the database file cannot be written");

        foreach (var file in files) _fs.SetReadOnly(file, false);
        await AssertRecoveredAsync(calls);
    }

    private sealed record Call(string Email, HttpStatusCode Status, string Body);

    private async Task<List<Call>> PostAsync(int count)
    {
        var calls = new List<Call>();
        for (var i = 0; i < count; i++) calls.Add(await PostOneAsync($"s{Guid.NewGuid():N}@example.com"));
        return calls;
    }

    private async Task<Call> PostOneAsync(string email)
    {
        var response = await _app.Client.PostAsJsonAsync(Fixtures.Webhooks.Url("assessment-handler"),
            Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email));
        return new Call(email, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Calls until a few in a row are refused: space left in SQLite's pages and WAL lets the first ones through.</summary>
    private async Task<List<Call>> PostUntilRefusedAsync()
    {
        var calls = new List<Call>();
        while (calls.Count < MaxCalls && calls.TakeLast(5).Count(c => c.Status == HttpStatusCode.ServiceUnavailable) < 5)
            calls.Add(await PostOneAsync($"f{calls.Count}-{Guid.NewGuid():N}@example.com"));
        output.WriteLine($"{calls.Count} calls: {string.Join(", ", calls.GroupBy(c => (int)c.Status).Select(g => $"{g.Count()} x {g.Key}"))}");
        return calls;
    }

    private async Task AssertCleanAsync(List<Call> calls, string logged)
    {
        Assert.Contains(calls, c => c.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(calls, c => Assert.True(c.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{c.Status}: {c.Body}"));
        foreach (var refused in calls.Where(c => c.Status == HttpStatusCode.ServiceUnavailable))
        {
            Assert.Contains("retry", JsonDocument.Parse(refused.Body).RootElement.GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.GetAsync($"/api/contacts/{refused.Email}")).StatusCode);
        }
        foreach (var taken in calls.Where(c => c.Status == HttpStatusCode.OK)) await AssertWholeAsync(taken.Email);
        // Resend's delivery events meet the same storage: a 503 too (Svix retries), not a 500.
        var delivery = await _app.Client.SendAsync(SignedEvents.Request(
            SignedEvents.Body("email.delivered", Guid.NewGuid().ToString(), DateTimeOffset.UtcNow), SignedEvents.NewId(), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, delivery.StatusCode);
        var log = await File.ReadAllTextAsync(_app.LogFile);
        Assert.Contains(logged, log);
    }

    /// <summary>The website retries what was refused: each is taken now, whole.</summary>
    private async Task AssertRecoveredAsync(List<Call> calls)
    {
        foreach (var refused in calls.Where(c => c.Status == HttpStatusCode.ServiceUnavailable))
        {
            var again = await Eventually.WaitAsync(() => PostOneAsync(refused.Email), c => c.Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), $"{refused.Email} taken once storage is back");
            await AssertWholeAsync(again.Email);
        }
    }

    private async Task AssertWholeAsync(string email)
    {
        var contact = await _app.Client.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
        var sequence = contact.GetProperty("sequences")[0];
        Assert.Equal("assessment", sequence.GetProperty("kind").GetString());
        Assert.Equal(5, sequence.GetProperty("steps").GetArrayLength());
    }
}
