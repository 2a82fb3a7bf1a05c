using Christmas.Core.Campaign;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Changes;
using Christmas.Core.Persistence;
using Christmas.Core.SendRules;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Core.Campaign.Publishing;

/// <summary>
/// An in-flight publish cut short after its first page (the process died): the revision is published, the
/// later contacts still follow the old one. The resume run at start-up finishes the pass, once.
/// </summary>
public abstract class InFlightResumeTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>#3 from 72 h to 48 h, and a 6th email at 144 h: every contact (anchored 1 h ago) has both ahead.</summary>
    private static CampaignDocument Edited(CampaignDocument published)
    {
        var assessment = published.Sequence("assessment")!;
        var steps = assessment.Steps.Select(s => s.Number == 3 ? s with { Offset = TimeSpan.FromHours(48) } : s)
            .Append(new StepSpec(6, "assessment-5", TimeSpan.FromHours(144), TimeSpan.FromMinutes(5))).ToList();
        return published with { Sequences = published.Sequences.Select(s => s.Name == "assessment" ? s with { Steps = steps } : s).ToList() };
    }

    [Fact]
    public async Task RunAsync_FinishesThePass_WhenAPublishStoppedAfterItsFirstPage()
    {
        var emails = Enumerable.Range(1, 3).Select(i => $"resume{i}.{_tag}@example.com").ToList();
        foreach (var email in emails)
            (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow().AddHours(-1), email))).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Sequences.CountAsync()), n => n == 3, TimeSpan.FromSeconds(10), "three sequences");

        // The revision commits first, as a publish does, then the pages follow.
        var store = Service<CampaignDefinitionStore>();
        var one = await store.PublishedAsync(default);
        var draft = Edited(one.Document);
        await _app.WithDbAsync(async db =>
        {
            db.CampaignRevisions.Add(new CampaignRevision(2, DefinitionWriter.ToJson(draft), _clock.GetUtcNow().UtcDateTime, "test", PublishPolicies.InFlight, "test"));
            return await db.SaveChangesAsync();
        });
        // One page of one contact, then the process "dies".
        var firstPageOnly = new InFlightPass(Service<IDbContextFactory<CampaignDbContext>>(), store, Service<SendRuleSet>(),
            Service<IOptions<CampaignOptions>>(), Service<TimeProvider>()) { PageSize = 1 };
        await firstPageOnly.RunAsync(one.Document, draft, PublishPolicies.InFlight, 2, apply: true, default, pageLimit: 1);
        Assert.Equal([1, 1, 2], (await RevisionsAsync()).Order());

        var tally = await Service<InFlightResume>().RunAsync(default);

        Assert.NotNull(tally);
        Assert.Equal([2, 2, 2], await RevisionsAsync());
        var anchor = _clock.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var email in emails)
        {
            var steps = await _app.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => s.Sequence!.Contact!.Email == email).OrderBy(s => s.Number).ToListAsync());
            Assert.Equal([1, 2, 3, 4, 5, 6], steps.Select(s => s.Number)); // the first contact's #6 was not added again
            Assert.Equal(anchor.AddHours(48), steps[2].DueAt);
            Assert.Equal((anchor.AddHours(144), StepStatus.Scheduled), (steps[5].DueAt, steps[5].Status));
            Assert.True(await _app.WithDbAsync(db => db.Changes.AnyAsync(c => c.Entity == ChangeEntity.Step && c.EntityId == steps[5].Id)), "the added step is in the change feed");
            Assert.True(await _app.WithDbAsync(db => db.Changes.AnyAsync(c => c.Entity == ChangeEntity.Step && c.EntityId == steps[2].Id)), "the moved step is in the change feed");
        }
        Assert.Null(await Service<InFlightResume>().RunAsync(default)); // finished: nothing left to resume
    }

    private Task<List<int>> RevisionsAsync() => _app.WithDbAsync(db => db.Sequences.OrderBy(s => s.ContactId).Select(s => s.Revision).ToListAsync());
}

public sealed class InFlightResumeOnSqlite() : InFlightResumeTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class InFlightResumeOnPostgres(Fixtures.Postgres.PostgresServer postgres) : InFlightResumeTests(postgres);
