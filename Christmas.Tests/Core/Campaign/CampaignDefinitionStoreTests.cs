using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Revisions;
using Christmas.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Campaign;

/// <summary>The published definition is read once per revision, and a newer revision (another instance's publish) is seen on the next read.</summary>
public sealed class CampaignDefinitionStoreTests
{
    [Fact]
    public async Task PublishedAsync_IsCachedPerRevision_AndFollowsANewRevision()
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Services.GetRequiredService<CampaignDefinitionStore>();

        var first = await store.PublishedAsync(CancellationToken.None);
        Assert.Same(first, await store.PublishedAsync(CancellationToken.None));
        Assert.Equal(1, first.Revision);

        var smaller = first.Document with { Handlers = first.Document.Handlers.Take(1).ToList() };
        await app.WithDbAsync(async db =>
        {
            db.CampaignRevisions.Add(new CampaignRevision(2, DefinitionWriter.ToJson(smaller), DateTime.UtcNow, "someone@test.local", PublishPolicies.NewOnly, "only signup"));
            return await db.SaveChangesAsync();
        });

        var second = await store.PublishedAsync(CancellationToken.None);
        Assert.Equal((2, 1), (second.Revision, second.Document.Handlers.Count));
        Assert.Equal([2, 1], (await store.RevisionsAsync(CancellationToken.None)).Select(r => r.Revision));
        Assert.Equal(5, (await store.RevisionAsync(1, CancellationToken.None))!.Document.Handlers.Count);
        Assert.Null(await store.DraftAsync(CancellationToken.None));
    }
}
