using System.Net.Http.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;

namespace Christmas.Tests.Faults;

/// <summary>
/// kill -9 of an instance while it sends, 20 rounds, against the Resend stand-in (which, like Resend,
/// delivers an idempotency key once): every due email reaches its customer exactly once. On SQLite one
/// instance is killed and restarted on its file; on PostgreSQL one of two is killed and the other
/// finishes the work (its lease expired), then the killed one comes back for the next round.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KillDuringSendsTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int Rounds = 20;
    private const int CallsPerRound = 6;
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(90);
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

    [Fact]
    public async Task OneSqliteInstance_KilledDuringSendsAndRestarted_LosesAndDoublesNothing()
    {
        var settings = Settings(new() { ["Campaign:DataDirectory"] = Path.Combine(_directory, "data") });
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

    [Fact]
    public async Task TwoPostgresInstances_OneKilledDuringSends_TheOtherFinishes_LosingAndDoublingNothing()
    {
        var settings = Settings(await postgres.SettingsAsync());
        var emails = new List<string>();
        // The survivor takes jobs slowly (one worker, polling each second), so the victim holds most
        // sends when it dies: with both equally quick, the warm survivor sent everything and no kill
        // cut a send off. After the kill the survivor finishes the victim's share once its claims expire.
        var survivor = await AppProcess.StartAsync(new Dictionary<string, string?>(settings)
        {
            ["Scheduler:WorkerCount"] = "1",
            ["Scheduler:QueuePollInterval"] = "00:00:01",
        }, Log("pg-b"));
        var victim = await AppProcess.StartAsync(settings, Log("pg-a"));
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                // Calls reach both instances, as behind a proxy; the victim dies with its share in flight,
                // the survivor's share comes in while it is gone.
                emails.AddRange(await PostDueCallsAsync(victim, round));
                await KillMidSendAsync(victim);
                emails.AddRange(await PostDueCallsAsync(survivor, round + Rounds));
                victim = await AppProcess.StartAsync(settings, Log("pg-a"));
            }
            await AssertEachDeliveredOnceAsync(emails, survivor.LogFile);
        }
        finally
        {
            await victim.DisposeAsync();
            await survivor.DisposeAsync();
        }
    }

    private Dictionary<string, string?> Settings(Dictionary<string, string?> database)
    {
        var settings = new Dictionary<string, string?>(_resend.SenderSettings(database))
        {
            ["Admin:ApiToken"] = TestApp.ApiToken,
            ["Resend:RequestsPerSecond"] = "50",
            ["Scheduler:QueuePollInterval"] = "00:00:00.200",
            // A killed instance's claims come back after this, for the survivor (or the restarted one) to send.
            ["Scheduler:SendingLease"] = "00:00:03",
            ["Scheduler:RedispatchAfter"] = "00:00:03",
        };
        settings.TryAdd("Campaign:DataDirectory", Path.Combine(_directory, "data-" + Guid.NewGuid().ToString("N")));
        return settings;
    }

    private string Log(string name) => Path.Combine(_directory, $"{name}.log");

    /// <summary>No-show calls whose first email is overdue (within the grace): each is one send, due at once.</summary>
    private static async Task<List<string>> PostDueCallsAsync(AppProcess app, int round)
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
    private async Task KillMidSendAsync(AppProcess app)
    {
        var before = _resend.Arrivals.Count;
        var until = DateTime.UtcNow.AddSeconds(15);
        while (_resend.InFlight == 0 && _resend.Arrivals.Count == before && DateTime.UtcNow < until) await Task.Delay(5);
        app.Kill();
    }

    private async Task AssertEachDeliveredOnceAsync(List<string> emails, string log)
    {
        var until = DateTime.UtcNow + Completion;
        Dictionary<string, int> counts;
        do
        {
            counts = _resend.Delivered.SelectMany(body => body.GetProperty("to").EnumerateArray().Select(t => t.GetString()!))
                .GroupBy(to => to).ToDictionary(g => g.Key, g => g.Count());
            if (emails.All(counts.ContainsKey)) break;
            await Task.Delay(250);
        } while (DateTime.UtcNow < until);

        // Proof that kills landed mid-send: keys the provider saw again, from a send resumed after its claim was lost.
        var resumed = _resend.Arrivals.Where(a => a.IdempotencyKey is not null).GroupBy(a => a.IdempotencyKey).Count(g => g.Count() > 1);
        Assert.True(resumed > 0, $"No send was cut off by the {Rounds} kills, so nothing was tested; log {log}");
        var lost = emails.Where(e => !counts.ContainsKey(e)).ToList();
        var doubled = counts.Where(c => c.Value > 1).Select(c => $"{c.Key} x{c.Value}").ToList();
        Assert.True(lost.Count == 0 && doubled.Count == 0,
            $"{emails.Count} due emails: {lost.Count} lost ({string.Join(", ", lost.Take(5))}), {doubled.Count} doubled ({string.Join(", ", doubled.Take(5))}); log {log}");
    }
}
