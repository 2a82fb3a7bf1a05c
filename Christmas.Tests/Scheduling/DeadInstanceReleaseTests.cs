using Christmas.Core.Instances;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Scheduling;

/// <summary>
/// The release rule on a shared database: the claimed and handed-over steps of an instance whose
/// heartbeat went stale come back and are sent by the running one (the test app, the survivor); the
/// claim of an instance that keeps beating stays its own, however long its send takes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadInstanceReleaseTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Dead = "dead-host/1/00000000", Live = "live-host/2/00000000";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _deadEmail = $"d{Guid.NewGuid():N}@example.com", _liveEmail = $"l{Guid.NewGuid():N}@example.com";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await postgres.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<Step>> StepsAsync(string email) =>
        _app.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == email && s.Number <= 3).OrderBy(s => s.Number).ToListAsync());

    /// <summary>Step #2 claimed by <paramref name="owner"/> mid-send, step #3 handed to its job (when <paramref name="handOver"/>): due now.</summary>
    private async Task OwnAsync(string email, string owner, bool handOver)
    {
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), email))).EnsureSuccessStatusCode();
        var now = _clock.GetUtcNow().UtcDateTime;
        await _app.WithDbAsync(async db =>
        {
            var steps = db.Steps.Where(s => s.Sequence!.Contact!.Email == email);
            await steps.Where(s => s.Number == 2).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Sending)
                .SetProperty(s => s.Attempts, 1).SetProperty(s => s.NotBefore, now).SetProperty(s => s.ClaimedAt, now).SetProperty(s => s.Owner, owner));
            return !handOver ? 0 : await steps.Where(s => s.Number == 3).ExecuteUpdateAsync(u => u.SetProperty(s => s.NotBefore, now)
                .SetProperty(s => s.DispatchedAt, now).SetProperty(s => s.Owner, owner));
        });
    }

    /// <summary>Writes a beat for <paramref name="id"/> at <paramref name="at"/>, as that instance would.</summary>
    private Task BeatAsync(string id, DateTimeOffset at) => _app.WithDbAsync(async db =>
    {
        if (await db.Instances.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.HeartbeatAt, at.UtcDateTime)) > 0) return 1;
        db.Instances.Add(new Instance(id, at.UtcDateTime));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ASilentInstancesClaimsAreSentByTheSurvivor_ALiveInstancesStayItsOwn()
    {
        await BeatAsync(Dead, _clock.GetUtcNow());
        await BeatAsync(Live, _clock.GetUtcNow());
        // The live one hands nothing over: once a death is seen, any hand-over left unclaimed past the timeout
        // is handed over again, whoever made it (the dead one's workers may have taken its job).
        await OwnAsync(_deadEmail, Dead, handOver: true);
        await OwnAsync(_liveEmail, Live, handOver: false);
        var release = _app.Services.GetRequiredService<DeadInstanceRelease>();

        // Within the timeout nobody is dead yet, not even the one that stopped beating.
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await release.ReleaseAsync(default));

        // The live one beats on (written before the clock moves, so the app's own dispatcher never sees it stale);
        // the dead one stays silent past the 20 s timeout, as long as a send may take, but short of the 5 min lease.
        for (var beat = 0; beat < 18; beat++) // 90 s
        {
            await BeatAsync(Live, _clock.GetUtcNow().AddSeconds(5));
            _clock.Advance(TimeSpan.FromSeconds(5));
            await release.ReleaseAsync(default);
        }

        var dead = await Eventually.WaitAsync(() => StepsAsync(_deadEmail), s => s.Skip(1).All(x => x.Status == StepStatus.Sent),
            TimeSpan.FromSeconds(10), "the dead instance's claim and hand-over sent by the survivor");
        // The claim kept its attempt: the send resumed it under the same idempotency key.
        Assert.Equal(2, dead[1].Attempts);
        var live = await StepsAsync(_liveEmail);
        Assert.Equal((StepStatus.Sending, Live, 1), (live[1].Status, live[1].Owner, live[1].Attempts));
        Assert.Equal(StepStatus.Scheduled, live[2].Status); // not due: untouched
        // Seen once: the dead one's row is gone, the live one's stays.
        Assert.Equal([Live], await _app.WithDbAsync(db => db.Instances.Where(i => i.Id == Dead || i.Id == Live).Select(i => i.Id).ToListAsync()));
    }
}
