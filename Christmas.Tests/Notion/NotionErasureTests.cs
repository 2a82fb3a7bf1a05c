using System.Net;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Notion;
using Hooks = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Notion;

/// <summary>An erased person's Notion pages: trashed by the mirror (it reads the erasure in the change feed), nobody else's touched.</summary>
public sealed class NotionErasureTests : IAsyncLifetime
{
    private NotionWorkspace _notion = null!;

    public async Task InitializeAsync() => _notion = await NotionWorkspace.StartAsync();

    public async Task DisposeAsync() => await _notion.DisposeAsync();

    [Fact]
    public async Task Erasing_TrashesThePersonsContactAndTrackerPages_AndWritesNoPageForThePlaceholder()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        var (ada, bob) = ($"e-{Guid.NewGuid():N}@example.com", $"e-{Guid.NewGuid():N}@example.com");
        foreach (var email in new[] { ada, bob })
            Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync("assessment-handler", Hooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email))).StatusCode);
        await Eventually.WaitAsync(() => Task.FromResult(_notion.ContactPages.Count(p => p.Email("Email") == ada) + _notion.TrackerPages.Count(p => p.Email("Email") == ada)),
            n => n == 2, TimeSpan.FromSeconds(20), "Ada's contact and tracker pages");
        await Eventually.WaitAsync(() => Task.FromResult(_notion.TrackerPages.Count(p => p.Email("Email") == bob)), n => n == 1, TimeSpan.FromSeconds(20), "Bob's tracker page");

        Assert.Equal(HttpStatusCode.OK, (await app.Api.DeleteAsync($"/api/contacts/{ada}")).StatusCode);

        await Eventually.WaitAsync(() => Task.FromResult(_notion.ContactPages.Count(p => p.Email("Email") == ada) + _notion.TrackerPages.Count(p => p.Email("Email") == ada)),
            n => n == 0, TimeSpan.FromSeconds(20), "Ada's pages in the trash");
        var trashed = _notion.Notion.Pages(_notion.ContactsDb, includeTrashed: true).Concat(_notion.Notion.Pages(_notion.TrackerDb, includeTrashed: true))
            .Where(p => p.Email("Email") == ada).ToList();
        Assert.Equal(2, trashed.Count);
        Assert.All(trashed, p => Assert.True(p.InTrash));
        await NotionWorkspace.DrainedAsync(app);
        Assert.Single(_notion.ContactPages, p => p.Email("Email") == bob);
        Assert.DoesNotContain(_notion.ContactPages.Concat(_notion.TrackerPages), p => p.Email("Email")?.EndsWith("@erased.invalid") == true);
    }
}
