using Christmas.Core.Audit;
using Christmas.Core.Changes;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Core.Changes;

/// <summary>
/// Two workers claim one step (two instances' jobs): the loser's save throws a concurrency exception,
/// which EF reports to interceptors apart from other failures. Its feed rows must go with it, and the
/// context must stay usable: the send job saves again on it (the Outbox sender did, in a pooled context).
/// </summary>
public abstract class ChangeFeedConcurrencyTests(ITestDatabase database) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: await database.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SaveThatLosesAConcurrencyCheck_AppendsNothing_AndTheContextsNextSaveCommitsOnlyItsOwnRows()
    {
        var email = $"feed-{Guid.NewGuid():N}@example.com";
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email))).EnsureSuccessStatusCode();
        var stepId = await _app.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == email && s.Status == StepStatus.Scheduled)
            .OrderBy(s => s.Number).Select(s => s.Id).FirstAsync());
        var before = await _app.WithDbAsync(db => db.Changes.MaxAsync(c => (long?)c.Id)) ?? 0;
        var target = $"feed-conflict-{Guid.NewGuid():N}";

        await _app.WithDbAsync(async loser =>
        {
            var step = await loser.Steps.SingleAsync(s => s.Id == stepId);
            await _app.WithDbAsync(async winner =>
            {
                var claimed = await winner.Steps.SingleAsync(s => s.Id == stepId);
                claimed.BeginSending(claimed.NotBefore);
                return await winner.SaveChangesAsync();
            });
            step.BeginSending(step.NotBefore);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());

            loser.ChangeTracker.Clear();
            loser.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Actor = "test", Action = "test", Target = target });
            return await loser.SaveChangesAsync();
        });

        var changes = await _app.WithDbAsync(db => db.Changes.Where(c => c.Id > before).Select(c => new { c.Entity, c.EntityId }).ToListAsync());
        Assert.Equal([new { Entity = ChangeEntity.Step, EntityId = stepId }], changes); // the winner's claim only
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Target == target)));
    }
}

public sealed class ChangeFeedConcurrencyOnSqlite() : ChangeFeedConcurrencyTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class ChangeFeedConcurrencyOnPostgres(Fixtures.Postgres.PostgresServer postgres) : ChangeFeedConcurrencyTests(postgres);
