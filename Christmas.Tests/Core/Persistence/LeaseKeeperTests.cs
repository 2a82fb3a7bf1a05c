using Christmas.Core.Instances;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Persistence.Leases;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Core.Persistence;

/// <summary>
/// Two instances on one PostgreSQL database: the singleton loops' lease goes to one of them, stays
/// with it while it renews, and passes to the other once the holder stops renewing (it died).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaseKeeperTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private TestApp _app = null!;
    private LeaseKeeper _first = null!, _second = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(_clock, settings: await postgres.SettingsAsync());
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<CampaignDbContext>>();
        var dialect = _app.Services.GetRequiredService<SqlDialect>();
        // Two keepers on the same database stand for two instances.
        _first = new LeaseKeeper(contexts, dialect, new ThisInstance(), _clock);
        _second = new LeaseKeeper(contexts, dialect, new ThisInstance(), _clock);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task One_instance_holds_a_lease_until_it_stops_renewing_then_the_other_takes_it()
    {
        Assert.True(await _first.HoldAsync("test-loop", default));
        Assert.False(await _second.HoldAsync("test-loop", default));

        _clock.Advance(LeaseKeeper.Term / 2);
        Assert.True(await _first.HoldAsync("test-loop", default)); // renewed
        _clock.Advance(LeaseKeeper.Term / 2 + TimeSpan.FromSeconds(1));
        Assert.False(await _second.HoldAsync("test-loop", default)); // still within the renewed term

        _clock.Advance(LeaseKeeper.Term); // the first stopped renewing
        Assert.True(await _second.HoldAsync("test-loop", default));
        Assert.False(await _first.HoldAsync("test-loop", default));
    }

    [Fact]
    public async Task Racing_instances_never_both_win_a_new_lease()
    {
        for (var round = 0; round < 20; round++)
        {
            var name = $"race-{round}";
            var wins = await Task.WhenAll(_first.HoldAsync(name, default), _second.HoldAsync(name, default));
            Assert.Equal(1, wins.Count(w => w));
        }
    }

    [Fact]
    public async Task The_apps_own_loops_hold_their_leases()
    {
        var holder = await Eventually.WaitAsync(async () =>
        {
            await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CampaignDbContext>>().CreateDbContextAsync();
            return await db.Leases.Where(l => l.Name == Christmas.Core.Delivery.Events.DeliveryEventApplier.LeaseName)
                .Select(l => l.Holder).FirstOrDefaultAsync();
        }, h => h is not null, TimeSpan.FromSeconds(10), "the delivery-event applier's lease");
        Assert.Equal(_app.Services.GetRequiredService<LeaseKeeper>().Holder, holder);
    }
}
