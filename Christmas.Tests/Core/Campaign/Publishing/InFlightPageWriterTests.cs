using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Changes;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Core.Campaign.Publishing;

/// <summary>A page's set-based write keeps EF's optimistic concurrency: a step a send claimed since the page was read is not overwritten.</summary>
public abstract class InFlightPageWriterTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WriteAsync_WritesNothing_WhenAStepWasClaimedSinceThePageWasRead()
    {
        var email = $"writer.{Guid.NewGuid():N}@example.com";
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow().AddHours(-1), email))).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Sequences.CountAsync(s => s.Contact!.Email == email)), n => n == 1, TimeSpan.FromSeconds(10), "the sequence");
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<CampaignDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var sequence = await db.Sequences.AsNoTracking().Include(s => s.Steps).SingleAsync(s => s.Contact!.Email == email);
        var writer = new InFlightPageWriter();
        writer.Snapshot(sequence);
        var third = sequence.Steps.Single(s => s.Number == 3);
        var fourth = sequence.Steps.Single(s => s.Number == 4);
        var due3 = third.DueAt;
        third.Reschedule(due3.AddHours(1), due3.AddHours(1), null);
        fourth.Reschedule(fourth.DueAt.AddHours(1), fourth.DueAt.AddHours(1), null);
        sequence.Follow(2);
        var lastChange = await _app.WithDbAsync(db2 => db2.Changes.MaxAsync(c => (long?)c.Id)) ?? 0;

        // A send claims #4 meanwhile (its status and version move on).
        await _app.WithDbAsync(db2 => db2.Steps.Where(s => s.Id == fourth.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Sending).SetProperty(s => s.Version, s => s.Version + 1)));

        Assert.False(await writer.WriteAsync(db, [sequence], 2, _clock.GetUtcNow().UtcDateTime, default));

        var stored = await _app.WithDbAsync(db2 => db2.Sequences.AsNoTracking().Include(s => s.Steps).SingleAsync(s => s.Id == sequence.Id));
        Assert.Equal(due3, stored.Steps.Single(s => s.Number == 3).DueAt); // rolled back with the page
        Assert.Equal(StepStatus.Sending, stored.Steps.Single(s => s.Number == 4).Status);
        Assert.Equal(1, stored.Revision);
        Assert.False(await _app.WithDbAsync(db2 => db2.Changes.AnyAsync(c => c.Id > lastChange && c.Entity == ChangeEntity.Step && c.EntityId == third.Id)), "no feed row for a write rolled back");
    }
}

public sealed class InFlightPageWriterOnSqlite() : InFlightPageWriterTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class InFlightPageWriterOnPostgres(Fixtures.Postgres.PostgresServer postgres) : InFlightPageWriterTests(postgres);
