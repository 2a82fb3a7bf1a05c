using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Notion;
using Microsoft.EntityFrameworkCore;
using Hooks = Christmas.Tests.Fixtures.Webhooks;

namespace Christmas.Tests.Notion;

/// <summary>The mirror end to end: the real app, the website's calls, and a Notion stand-in that fails the way Notion does.</summary>
public sealed class NotionMirrorTests : IAsyncLifetime
{
    private NotionWorkspace _notion = null!;

    public async Task InitializeAsync() => _notion = await NotionWorkspace.StartAsync();

    public async Task DisposeAsync() => await _notion.DisposeAsync();

    private static string NewEmail() => $"m-{Guid.NewGuid():N}@example.com";

    private static async Task PostAsync(TestApp app, string handler, object body) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(handler, body)).StatusCode);

    [Fact]
    public async Task TheGuidesCalls_AppearInBothDatabasesExactlyOnce_WithTheirLatestData()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        var (ada, bob) = (NewEmail(), NewEmail());
        var now = DateTimeOffset.UtcNow;
        foreach (var email in new[] { ada, bob })
        {
            await PostAsync(app, "signup-handler", Hooks.Signup(email));
            await PostAsync(app, "assessment-handler", Hooks.Assessment(now.AddMinutes(-1), email));
            await PostAsync(app, "assessment-handler", Hooks.Assessment(now.AddMinutes(-1), email)); // the website retrying
            await PostAsync(app, "noshow-recovery-handler", Hooks.Noshow(now.AddMinutes(-2), email));
            await PostAsync(app, "postcall-maybe-handler", Hooks.Postcall(now.AddMinutes(-3), email));
        }
        var latest = Hooks.Signup(bob);
        latest["first_name"] = "Robert";
        latest["business_name"] = "Robert's Garage";
        await PostAsync(app, "signup-handler", latest);

        await NotionWorkspace.DrainedAsync(app);

        var contacts = _notion.ContactPages.Where(p => p.Email("Email") is { } e && (e == ada || e == bob)).ToList();
        Assert.Equal(2, contacts.Count);
        var robert = contacts.Single(p => p.Email("Email") == bob);
        Assert.Equal("Robert", robert.Text("Name"));
        Assert.Equal("Robert's Garage", robert.Text("Business Name"));
        Assert.Equal("CRITICAL", robert.Select("Segment"));
        Assert.Equal(2, robert.Number("Red Systems"));
        Assert.Equal("active", robert.Select("Status"));

        var sequences = await app.WithDbAsync(db => db.Sequences.Include(s => s.Contact).Include(s => s.Steps)
            .Where(s => s.Contact!.Email == ada || s.Contact!.Email == bob).ToListAsync());
        var trackers = _notion.TrackerPages.Where(p => p.Email("Email") is { } e && (e == ada || e == bob)).ToList();
        Assert.Equal(sequences.Count, trackers.Count);
        foreach (var sequence in sequences)
        {
            var kind = sequence.Kind.ToString().ToLowerInvariant();
            var page = Assert.Single(trackers, p => p.Email("Email") == sequence.Contact!.Email && p.Select("Sequence Type") == kind);
            Assert.Equal($"{sequence.Contact!.Email} {kind}", page.Text("Name"));
            Assert.Equal(sequence.Status.ToString().ToLowerInvariant(), page.Select("Status"));
            foreach (var step in sequence.Steps)
                Assert.Equal(step.Status.ToString().ToLowerInvariant(), page.Select($"Email {step.Number} Status"));
        }
        // The postcall call ended the no-show sequence: its page says so.
        Assert.All(trackers.Where(p => p.Select("Sequence Type") == "noshow"), p => Assert.Equal("cancelled", p.Select("Status")));

        var api = await app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{bob}");
        Assert.Equal("synced", api.GetProperty("notion").GetProperty("status").GetString());
        Assert.Equal(robert.Id, api.GetProperty("notion").GetProperty("pageId").GetString());
        Assert.All(api.GetProperty("sequences").EnumerateArray(), s => Assert.Equal("synced", s.GetProperty("notion").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task TenChangesToASyncedContact_CostOneWrite()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        var email = NewEmail();
        await PostAsync(app, "signup-handler", Hooks.Signup(email));
        await NotionWorkspace.DrainedAsync(app);
        var pageId = Assert.Single(_notion.ContactPages, p => p.Email("Email") == email).Id;

        _notion.Notion.Down();
        for (var i = 1; i <= 10; i++)
        {
            var call = Hooks.Signup(email);
            call["first_name"] = $"Name {i}";
            await PostAsync(app, "signup-handler", call);
        }
        // Up only once the mirror has met the outage after the last change: a write it had sent just before
        // could otherwise still arrive after Up, carrying an older name.
        var posted = DateTimeOffset.UtcNow;
        await Eventually.WaitAsync(() => Task.FromResult(_notion.Notion.Requests.Count(r => r.At > posted && r.Status == 503)),
            n => n > 0, TimeSpan.FromSeconds(10), "the mirror to meet the outage");
        var marker = _notion.Notion.Requests.Count;
        _notion.Notion.Up();
        await NotionWorkspace.DrainedAsync(app);

        var writes = _notion.Notion.Requests.Skip(marker).Where(r => r.Method == "PATCH" && r.Path.Contains(pageId) && r.Status == 200).ToList();
        Assert.Single(writes);
        Assert.Equal("Name 10", Assert.Single(_notion.ContactPages, p => p.Email("Email") == email).Text("Name"));
    }

    [Fact]
    public async Task ACreateSavedByNotionButAnswered503_IsLookedUp_NotCreatedTwice()
    {
        _notion.Notion.SaveThenFailNext(503);
        await using var app = await TestApp.StartAsync(settings: _notion.Settings(extra: new Dictionary<string, string?>
        {
            ["Notion:SequenceTrackerDatabaseId"] = null, // contacts only: the first write is the contact's create
        }));
        var email = NewEmail();
        await PostAsync(app, "signup-handler", Hooks.Signup(email));

        await NotionWorkspace.DrainedAsync(app);

        Assert.Single(_notion.ContactPages, p => p.Email("Email") == email);
        Assert.Single(_notion.Notion.Requests, r => r is { Method: "POST", Path: "/v1/pages", Status: 503 });
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task ACreateThatHangs_IsLookedUp_NotCreatedTwice()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings(extra: new Dictionary<string, string?>
        {
            ["Notion:SequenceTrackerDatabaseId"] = null,
        }));
        await NotionWorkspace.DrainedAsync(app, TimeSpan.FromSeconds(5)).ContinueWith(_ => { }); // schemas read
        var email = NewEmail();
        // The stand-in saves nothing on a hang; what matters is that the answer never comes and the next try looks first.
        _notion.Notion.HangNext(2);
        await PostAsync(app, "signup-handler", Hooks.Signup(email));

        await NotionWorkspace.DrainedAsync(app);

        Assert.Single(_notion.ContactPages, p => p.Email("Email") == email);
    }

    [Fact]
    public async Task APageCreatedBeforeACrash_IsFoundByItsKey_AfterTheRestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
        var email = NewEmail();
        await using (var first = await TestApp.StartAsync(dataDirectory: directory, settings: _notion.Settings()))
        {
            _notion.Notion.Down(); // the sync waits: as if the app died right after Notion answered
            await PostAsync(first, "signup-handler", Hooks.Signup(email));
        }
        // What a crash between Notion's answer and our commit leaves: the page exists, we do not know its id.
        _notion.Notion.AddPage(_notion.ContactsDb, new System.Text.Json.Nodes.JsonObject
        {
            ["Name"] = new System.Text.Json.Nodes.JsonObject { ["title"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["text"] = new System.Text.Json.Nodes.JsonObject { ["content"] = "Sarah" } }) },
            ["Email"] = new System.Text.Json.Nodes.JsonObject { ["email"] = email },
        });
        _notion.Notion.Up();

        await using (var second = await TestApp.StartAsync(dataDirectory: directory, settings: _notion.Settings()))
            await NotionWorkspace.DrainedAsync(second);

        var page = Assert.Single(_notion.ContactPages, p => p.Email("Email") == email);
        Assert.Equal("Sarah's Salon", page.Text("Business Name"));
        TestApp.DeleteDirectory(directory);
    }

    [Fact]
    public async Task APageTrashedOrDeletedInNotion_IsCreatedAgain()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        var (trashed, deleted) = (NewEmail(), NewEmail());
        await PostAsync(app, "signup-handler", Hooks.Signup(trashed));
        await PostAsync(app, "signup-handler", Hooks.Signup(deleted));
        await NotionWorkspace.DrainedAsync(app);
        _notion.Notion.TrashPage(Assert.Single(_notion.ContactPages, p => p.Email("Email") == trashed).Id);
        _notion.Notion.DeletePage(Assert.Single(_notion.ContactPages, p => p.Email("Email") == deleted).Id);

        await PostAsync(app, "signup-handler", Hooks.Signup(trashed));
        await PostAsync(app, "signup-handler", Hooks.Signup(deleted));
        await NotionWorkspace.DrainedAsync(app);

        Assert.Single(_notion.ContactPages, p => p.Email("Email") == trashed);
        Assert.Single(_notion.ContactPages, p => p.Email("Email") == deleted);
    }

    [Fact]
    public async Task WhileNotionIsDown_WebhooksAnswerAsUsual_TheAppStaysHealthy_AndTheBacklogDrainsAfter()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        _notion.Notion.Down(503, "service_unavailable");
        var emails = Enumerable.Range(0, 20).Select(_ => NewEmail()).ToList();
        foreach (var email in emails) await PostAsync(app, "assessment-handler", Hooks.Assessment(DateTimeOffset.UtcNow, email));

        var troubled = await Eventually.WaitAsync(async () => await app.Api.GetFromJsonAsync<JsonElement>("/api/notion/status"),
            s => s.GetProperty("lastError").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(10), "the outage to be reported");
        Assert.False(troubled.GetProperty("healthy").GetBoolean());
        Assert.True(troubled.GetProperty("backlog").GetInt32() > 0);
        var health = await app.Api.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var healthBody = await TestApp.JsonAsync(health);
        Assert.Equal("Healthy", healthBody.GetProperty("status").GetString());
        Assert.Contains("trouble", healthBody.GetProperty("checks").GetProperty("notion").GetProperty("description").GetString());
        var contact = await app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{emails[0]}");
        Assert.Contains(contact.GetProperty("notion").GetProperty("status").GetString(), new[] { "pending", "error" });

        _notion.Notion.Up();
        var drained = await NotionWorkspace.DrainedAsync(app, TimeSpan.FromSeconds(30));
        Assert.True(drained.GetProperty("healthy").GetBoolean());
        Assert.Equal(emails.Order(), _notion.ContactPages.Select(p => p.Email("Email")!).Where(emails.Contains).Order());
        Assert.Equal(20, _notion.TrackerPages.Count(p => emails.Contains(p.Email("Email")!)));
    }

    [Fact]
    public async Task RateLimitedForAWhile_NothingIsLost()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        _notion.Notion.FailFor(TimeSpan.FromSeconds(3), 429, "rate_limited");
        var emails = Enumerable.Range(0, 5).Select(_ => NewEmail()).ToList();
        foreach (var email in emails) await PostAsync(app, "signup-handler", Hooks.Signup(email));

        await NotionWorkspace.DrainedAsync(app, TimeSpan.FromSeconds(30));

        Assert.Equal(5, _notion.ContactPages.Count(p => emails.Contains(p.Email("Email")!)));
        Assert.Contains(_notion.Notion.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task TheBacklog_DrainsWithinTheBudget_WithoutA429()
    {
        _notion.Notion.RequestsPerSecond = 3;
        await using var app = await TestApp.StartAsync(settings: _notion.Settings(requestsPerSecond: 3, extra: new Dictionary<string, string?>
        {
            ["Notion:SequenceTrackerDatabaseId"] = null,
        }));
        _notion.Notion.Down();
        var emails = Enumerable.Range(0, 6).Select(_ => NewEmail()).ToList();
        foreach (var email in emails) await PostAsync(app, "signup-handler", Hooks.Signup(email));
        var marker = DateTimeOffset.UtcNow;
        _notion.Notion.Up();

        await NotionWorkspace.DrainedAsync(app, TimeSpan.FromSeconds(30));

        var arrivals = _notion.Notion.Requests.Where(r => r.At >= marker).Select(r => r.At).Order().ToList();
        Assert.Equal(6, _notion.ContactPages.Count(p => emails.Contains(p.Email("Email")!)));
        Assert.Equal(0, _notion.Notion.TooManyRequestsAnswered);
        // No trailing second ever held more than the budget.
        Assert.All(arrivals, (at, i) => Assert.True(arrivals.Skip(i).TakeWhile(a => a - at < TimeSpan.FromSeconds(1)).Count() <= 3));
    }

    [Fact]
    public async Task TheOldSystemsLayout_IsMirroredByConfigurationAlone()
    {
        await using var old = await NotionWorkspace.StartAsync(oldLayout: true);
        await using var app = await TestApp.StartAsync(settings: old.Settings(extra: new Dictionary<string, string?>
        {
            ["Notion:Contacts:Properties:Email"] = "email",
            ["Notion:Contacts:Properties:BusinessName"] = "last_name",
        }));
        var email = NewEmail();
        await PostAsync(app, "assessment-handler", Hooks.Assessment(DateTimeOffset.UtcNow, email));

        await NotionWorkspace.DrainedAsync(app);

        var page = Assert.Single(old.ContactPages, p => p.Email("email") == email);
        Assert.Equal("Sarah", page.Text("first_name"));
        Assert.Equal("Sarah's Salon", page.Text("last_name"));
        Assert.Equal("CRITICAL", page.Select("Segment"));
        var status = await app.Api.GetFromJsonAsync<JsonElement>("/api/notion/status");
        var contacts = status.GetProperty("contacts");
        Assert.Equal("first_name", contacts.GetProperty("titleProperty").GetString());
        Assert.Contains("Red Systems", contacts.GetProperty("missingProperties").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ResyncAll_QueuesEveryContactAndSequence_AndRewritesNoPageTwice()
    {
        await using var app = await TestApp.StartAsync(settings: _notion.Settings());
        var email = NewEmail();
        await PostAsync(app, "assessment-handler", Hooks.Assessment(DateTimeOffset.UtcNow, email));
        await NotionWorkspace.DrainedAsync(app);
        var pages = _notion.ContactPages.Count + _notion.TrackerPages.Count;

        var resync = await app.Api.PostAsync("/api/notion/resync", null);
        Assert.Equal(HttpStatusCode.OK, resync.StatusCode);
        var counts = await app.WithDbAsync(async db => await db.Contacts.CountAsync() + await db.Sequences.CountAsync());
        Assert.Equal(counts, (await TestApp.JsonAsync(resync)).GetProperty("queued").GetInt32());
        await NotionWorkspace.DrainedAsync(app);

        Assert.Equal(pages, _notion.ContactPages.Count + _notion.TrackerPages.Count);
    }
}
