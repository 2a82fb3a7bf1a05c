using System.Net.Http.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Xunit.Abstractions;

namespace Christmas.Tests.Faults;

/// <summary>
/// kill -9 of an instance while it sends, against the Resend stand-in (which, like Resend, delivers an
/// idempotency key once): every due email reaches its customer exactly once. On SQLite one instance is
/// killed and restarted on its file, 20 rounds; on PostgreSQL one of two is killed and the other, with
/// the default settings, finishes the dead one's sends within a minute (its heartbeat stopped), then
/// the killed one comes back for the next round.
/// The two cases are classes of their own (below), so they run beside each other and the rest.
/// </summary>
public abstract class KillDuringSendsTests(ITestOutputHelper output) : IAsyncLifetime
{
    protected const int Rounds = 20;
    // Each round waits for the survivor to take over (about 25 s with the defaults), so fewer rounds.
    protected const int PostgresRounds = 6;
    protected const int MaxPostgresRounds = 16;
    protected const int CallsPerRound = 6;
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(90);
    /// <summary>The contract: a dead instance's sends reach their customers through another within this of its death.</summary>
    protected static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-kill", Guid.NewGuid().ToString("N"));
    private ResendStandIn _resend = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _resend = await ResendStandIn.StartAsync();
        // A provider round trip: sends are in flight when the kill lands.
        _resend.Latency = TimeSpan.FromMilliseconds(150);
    }

    public async Task DisposeAsync()
    {
        await _resend.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    protected ITestOutputHelper Output => output;
    protected string WorkDirectory => _directory;

    protected Dictionary<string, string?> Settings(Dictionary<string, string?> database)
    {
        var settings = new Dictionary<string, string?>(_resend.SenderSettings(database))
        {
            ["Admin:ApiToken"] = TestApp.ApiToken,
            ["Resend:RequestsPerSecond"] = "50",
            ["Scheduler:QueuePollInterval"] = "00:00:00.200",
            // No Scheduler:SendingLease, RedispatchAfter, HeartbeatInterval or InstanceTimeout: the takeover runs on the defaults.
        };
        settings.TryAdd("Campaign:DataDirectory", Path.Combine(_directory, "data-" + Guid.NewGuid().ToString("N")));
        return settings;
    }

    protected string Log(string name) => Path.Combine(_directory, $"{name}.log");

    /// <summary>No-show calls whose first email is overdue (within the grace): each is one send, due at once.</summary>
    protected static async Task<List<string>> PostDueCallsAsync(AppProcess app, int round)
    {
        var emails = Enumerable.Range(0, CallsPerRound).Select(i => $"k{round}-{i}-{Guid.NewGuid():N}@example.com").ToList();
        await Task.WhenAll(emails.Select(async email =>
        {
            var response = await app.Client.PostAsJsonAsync(Fixtures.Webhooks.Url("noshow-recovery-handler"),
                Fixtures.Webhooks.Noshow(DateTimeOffset.UtcNow.AddHours(-1), email, eventId: "evt_" + Guid.NewGuid().ToString("N")));
            response.EnsureSuccessStatusCode();
        }));
        return emails;
    }

    /// <summary>Waits until a send is at the provider (received, not answered), then kills: it and the rest are cut off or queued.</summary>
    /// <returns>When the instance died.</returns>
    protected async Task<DateTime> KillMidSendAsync(AppProcess app)
    {
        var before = _resend.Arrivals.Count;
        var until = DateTime.UtcNow.AddSeconds(15);
        while (_resend.InFlight == 0 && _resend.Arrivals.Count == before && DateTime.UtcNow < until) await Task.Delay(5);
        app.Kill();
        return DateTime.UtcNow;
    }

    /// <returns>When the last of <paramref name="emails"/> was delivered (or <paramref name="until"/> passed).</returns>
    protected async Task<DateTime> WaitUntilDeliveredAsync(List<string> emails, DateTime until)
    {
        while (!emails.All(DeliveredCounts().ContainsKey) && DateTime.UtcNow < until) await Task.Delay(100);
        return DateTime.UtcNow;
    }

    /// <summary>Where the undelivered ones stand, for the failure's explanation.</summary>
    protected async Task<string> UndeliveredStepsAsync(string connectionString, List<string> emails)
    {
        var missing = emails.Where(e => !DeliveredCounts().ContainsKey(e)).ToArray();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT c."Email", s."Number", s."Status", s."Owner", s."ClaimedAt", s."DispatchedAt", s."NotBefore", s."Attempts", s."LastError"
            FROM "Steps" s JOIN "Sequences" q ON q."Id" = s."SequenceId" JOIN "Contacts" c ON c."Id" = q."ContactId"
            WHERE c."Email" = ANY(@emails) AND s."NotBefore" <= now()
            UNION ALL SELECT 'instance', 0, i."Id", '', i."HeartbeatAt", NULL, i."StartedAt", 0, NULL FROM "Instances" i
            """, connection);
        command.Parameters.AddWithValue("emails", missing);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string> { $"now {DateTime.UtcNow:O}; undelivered: {string.Join(", ", missing)}" };
        while (await reader.ReadAsync())
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i)))));
        return string.Join("\n", lines);
    }

    /// <summary>Proof that kills landed mid-send: keys the provider saw again, from a send resumed after its claim was lost.</summary>
    protected int ResumedKeys() =>
        _resend.Arrivals.Where(a => a.IdempotencyKey is not null).GroupBy(a => a.IdempotencyKey).Count(g => g.Count() > 1);

    protected Dictionary<string, int> DeliveredCounts() =>
        _resend.Delivered.SelectMany(body => body.GetProperty("to").EnumerateArray().Select(t => t.GetString()!))
            .GroupBy(to => to).ToDictionary(g => g.Key, g => g.Count());

    protected async Task AssertEachDeliveredOnceAsync(List<string> emails, string log)
    {
        var until = DateTime.UtcNow + Completion;
        Dictionary<string, int> counts;
        do
        {
            counts = DeliveredCounts();
            if (emails.All(counts.ContainsKey)) break;
            await Task.Delay(250);
        } while (DateTime.UtcNow < until);

        var resumed = ResumedKeys();
        var batches = _resend.Arrivals.Where(a => a.Batch).Select(a => a.IdempotencyKey).Distinct().Count();
        var resumedBatches = _resend.Arrivals.Where(a => a.Batch).GroupBy(a => a.IdempotencyKey).Count(g => g.Count() > 1);
        output.WriteLine($"{emails.Count} emails; {batches} batches ({resumedBatches} sent again after a kill), {resumed} keys sent again in all");
        Assert.True(resumed > 0, $"No send was cut off by the kills, so nothing was tested; log {log}");
        // Several calls due together go as a batch (Resend:Batch on): kills must have cut batches off too.
        Assert.True(resumedBatches > 0, $"No batch was cut off by the kills; log {log}");
        var lost = emails.Where(e => !counts.ContainsKey(e)).ToList();
        var doubled = counts.Where(c => c.Value > 1).Select(c => $"{c.Key} x{c.Value}").ToList();
        Assert.True(lost.Count == 0 && doubled.Count == 0,
            $"{emails.Count} due emails: {lost.Count} lost ({string.Join(", ", lost.Take(5))}), {doubled.Count} doubled ({string.Join(", ", doubled.Take(5))}); log {log}");
    }
}

[Trait("Category", "Slow"), RunsLong]
public sealed class KillDuringSendsOnSqliteTests(ITestOutputHelper output) : KillDuringSendsTests(output)
{
    [Fact]
    public async Task OneSqliteInstance_KilledDuringSendsAndRestarted_LosesAndDoublesNothing()
    {
        var settings = Settings(new() { ["Campaign:DataDirectory"] = Path.Combine(WorkDirectory, "data") });
        var emails = new List<string>();
        var app = await AppProcess.StartAsync(settings, Log("sqlite"));
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                emails.AddRange(await PostDueCallsAsync(app, round));
                await KillMidSendAsync(app);
                app = await AppProcess.StartAsync(settings, Log("sqlite"));
            }
            await AssertEachDeliveredOnceAsync(emails, app.LogFile);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

[Trait("Category", "Slow")]
[Collection(PostgresFailoverCollection.Name)]
public sealed class KillDuringSendsOnPostgresTests(PostgresServer postgres, ITestOutputHelper output) : KillDuringSendsTests(output)
{
    [Fact]
    public async Task TwoPostgresInstances_OneKilledDuringSends_TheOtherFinishesWithinAMinute_LosingAndDoublingNothing()
    {
        var settings = Settings(await postgres.SettingsAsync());
        var emails = new List<string>();
        var failovers = new List<TimeSpan>();
        // The survivor takes jobs slowly (one worker, polling each second), so the victim holds most
        // sends when it dies: with both equally quick, the warm survivor sent everything and no kill
        // cut a send off. After the kill the survivor finishes the victim's share once its heartbeat is stale.
        var survivor = await AppProcess.StartAsync(new Dictionary<string, string?>(settings)
        {
            ["Scheduler:WorkerCount"] = "1",
            ["Scheduler:QueuePollInterval"] = "00:00:01",
        }, Log("pg-b"));
        var victim = await AppProcess.StartAsync(settings, Log("pg-a"));
        try
        {
            // A kill can land while only the survivor's sends are in flight, cutting nothing off: past the
            // planned rounds, more run until one kill has cut a send off (the proof the test needs).
            for (var round = 0; round < PostgresRounds || (ResumedKeys() == 0 && round < MaxPostgresRounds); round++)
            {
                // Calls reach both instances, as behind a proxy; the victim dies with its share in flight,
                // the survivor's share comes in while it is gone. The victim comes back only once the
                // survivor alone has delivered its share: the restarted one must not do the takeover.
                var share = await PostDueCallsAsync(victim, round);
                emails.AddRange(share);
                var killedAt = await KillMidSendAsync(victim);
                emails.AddRange(await PostDueCallsAsync(survivor, round + Rounds));
                failovers.Add(await WaitUntilDeliveredAsync(share, killedAt + Failover + TimeSpan.FromSeconds(30)) - killedAt);
                Output.WriteLine($"round {round}: the killed instance's share delivered {failovers[^1].TotalSeconds:F1} s after the kill");
                if (failovers[^1] > Failover) Output.WriteLine(await UndeliveredStepsAsync(settings["ConnectionStrings:Postgres"]!, share));
                victim = await AppProcess.StartAsync(settings, Log("pg-a"));
            }
            var slowest = failovers.Max();
            Output.WriteLine($"slowest failover {slowest.TotalSeconds:F1} s (of {string.Join(", ", failovers.Select(f => f.TotalSeconds.ToString("F1")))})");
            Assert.True(slowest <= Failover,
                $"A killed instance's sends took {slowest.TotalSeconds:F1} s to reach their customers (at most {Failover.TotalSeconds} s); log {survivor.LogFile}");
            await AssertEachDeliveredOnceAsync(emails, survivor.LogFile);
        }
        finally
        {
            await victim.DisposeAsync();
            await survivor.DisposeAsync();
        }
    }
}
