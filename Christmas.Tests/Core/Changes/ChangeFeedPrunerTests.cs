using Christmas.Core.Changes;
using Christmas.Tests.Fixtures;
using Fixtures = Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Core.Changes;

public sealed class ChangeFeedPrunerTests
{
    [Fact]
    public async Task OldRows_EveryConsumerHasRead_AreDeleted_UnreadOnesStay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(time);
        foreach (var i in Enumerable.Range(0, 3))
            (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup($"prune{i}@example.com"))).EnsureSuccessStatusCode();
        var ids = await app.WithDbAsync(db => db.Changes.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        await app.WithDbAsync(async db =>
        {
            db.ChangeCursors.Add(new ChangeCursor("reader", ids[1]));
            return await db.SaveChangesAsync();
        });
        var pruner = app.Services.GetRequiredService<ChangeFeedPruner>();

        Assert.Equal(0, await pruner.PruneAsync(CancellationToken.None));
        time.Advance(ChangeFeedPruner.Retention + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await pruner.PruneAsync(CancellationToken.None));

        Assert.Equal([ids[2]], await app.WithDbAsync(db => db.Changes.Select(c => c.Id).ToListAsync()));
    }
}
