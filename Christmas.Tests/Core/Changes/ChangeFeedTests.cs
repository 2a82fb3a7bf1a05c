using Christmas.Core.Changes;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Fixtures = Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Core.Changes;

/// <summary>The change feed on the real app: every writer appends its rows in its own transaction, without being asked to.</summary>
public sealed class ChangeFeedTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private Task<List<(ChangeEntity Entity, long Id)>> ChangesAfterAsync(long after) => App.WithDbAsync(async db =>
        (await db.Changes.Where(c => c.Id > after).OrderBy(c => c.Id).Select(c => new { c.Entity, c.EntityId }).ToListAsync())
        .Select(c => (c.Entity, c.EntityId)).ToList());

    private Task<long> LastChangeAsync() => App.WithDbAsync(db => db.Changes.MaxAsync(c => (long?)c.Id)).ContinueWith(t => t.Result ?? 0);

    [Fact]
    public async Task Webhook_AppendsTheContactAndItsNewSequence_AndARepeatOnlyTheContact()
    {
        var email = $"feed-{Guid.NewGuid():N}@example.com";
        var before = await LastChangeAsync();
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email))).EnsureSuccessStatusCode();
        var (contactId, sequenceId) = await App.WithDbAsync(async db =>
        {
            var c = await db.Contacts.SingleAsync(x => x.Email == email);
            return (c.Id, await db.Sequences.Where(s => s.ContactId == c.Id).Select(s => s.Id).SingleAsync());
        });
        Assert.Equal([(ChangeEntity.Contact, contactId), (ChangeEntity.Sequence, sequenceId)], await ChangesAfterAsync(before));

        var beforeRepeat = await LastChangeAsync();
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email))).EnsureSuccessStatusCode();
        Assert.Equal([(ChangeEntity.Contact, contactId)], await ChangesAfterAsync(beforeRepeat));
    }

    [Fact]
    public async Task EfSave_AppendsARowPerChangedEntity_AndBookkeepingOnlyStepUpdatesAppendNothing()
    {
        var email = $"feed-{Guid.NewGuid():N}@example.com";
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email))).EnsureSuccessStatusCode();
        var before = await LastChangeAsync();

        var (contactId, sequenceId, stepIds) = await App.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.SingleAsync(c => c.Email == email);
            var sequence = await db.Sequences.Include(s => s.Steps).SingleAsync(s => s.ContactId == contact.Id);
            contact.Unsubscribe(DateTime.UtcNow);
            sequence.End("unsubscribed", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return (contact.Id, sequence.Id, sequence.Steps.Where(s => s.Status == StepStatus.Cancelled).Select(s => s.Id).ToList());
        });

        var changes = await ChangesAfterAsync(before);
        Assert.Contains((ChangeEntity.Contact, contactId), changes);
        Assert.Contains((ChangeEntity.Sequence, sequenceId), changes);
        Assert.Equal(stepIds.Order(), changes.Where(c => c.Entity == ChangeEntity.Step).Select(c => c.Id).Order());

        var afterEnd = await LastChangeAsync();
        await App.WithDbAsync(db => db.Steps.Where(s => s.SequenceId == sequenceId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DispatchedAt, DateTime.UtcNow)));
        Assert.Empty(await ChangesAfterAsync(afterEnd));
    }

    [Fact]
    public async Task FailedSave_AppendsNothing()
    {
        var email = $"feed-{Guid.NewGuid():N}@example.com";
        (await App.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email))).EnsureSuccessStatusCode();
        var before = await LastChangeAsync();

        // Two contacts with one email: the unique index refuses the save, and with it the feed rows.
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact($"other-{email}", "A", DateTime.UtcNow));
            db.Contacts.Add(new Contact(email, "B", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        }));

        Assert.Empty(await ChangesAfterAsync(before));
        Assert.False(await App.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == $"other-{email}")));
    }
}
