using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Changes;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// <c>POST /api/campaign/draft/impact</c> and <c>/publish</c> over real HTTP, on fake time (nothing moves
/// between the preview and the publish): each publish case of DESIGN on contacts the webhooks created,
/// the preview's counts against what the publish then does, 409 on a stale revision, and who may publish.
/// </summary>
public abstract class CampaignPublishApiTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    /// <summary>Email #1 sent 30 h ago: #2 (24 h) went out at creation, #3-#5 wait.</summary>
    private string Ann => $"ann.{_tag}@example.com";
    /// <summary>Email #1 sent 40 h ago: #2 was skipped as overdue at creation, #3-#5 wait.</summary>
    private string Bob => $"bob.{_tag}@example.com";
    /// <summary>In the noshow sequence, which the draft removes.</summary>
    private string Cat => $"cat.{_tag}@example.com";
    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task SeedAsync()
    {
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow().AddHours(-30), Ann))).EnsureSuccessStatusCode();
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow().AddHours(-40), Bob))).EnsureSuccessStatusCode();
        (await _app.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(_clock.GetUtcNow(), Cat))).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Sequences.CountAsync()), n => n == 3, TimeSpan.FromSeconds(10), "three sequences");
        // Ann's #2, 6 h overdue at creation, goes at once: the seed is settled once it is sent.
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Steps.CountAsync(s => s.Sequence!.Contact!.Email == Ann && s.Number == 2 && s.Status == StepStatus.Sent)),
            n => n == 1, TimeSpan.FromSeconds(10), "Ann's #2 sent");
    }

    /// <summary>
    /// Assessment: #3 from 72 h to 48 h (ahead for both), #4 removed, #5 from 120 h to 24 h (Ann: 6 h ago, within the
    /// 12 h grace; Bob: 16 h ago, past it), #6 added at 144 h (ahead), #7 added at 12 h (behind both). Noshow and its
    /// handler removed.
    /// </summary>
    private static CampaignDocument EditedDraft(CampaignDocument published)
    {
        var assessment = published.Sequence("assessment")!;
        var steps = assessment.Steps.Where(s => s.Number != 4).Select(s => s.Number switch
        {
            3 => s with { Offset = TimeSpan.FromHours(48) },
            5 => s with { Offset = TimeSpan.FromHours(24) },
            _ => s,
        }).Concat([new StepSpec(6, "assessment-5", TimeSpan.FromHours(144), TimeSpan.FromMinutes(5)),
            new StepSpec(7, "assessment-5", TimeSpan.FromHours(12), TimeSpan.FromMinutes(6))]).ToList();
        return published with
        {
            Sequences = published.Sequences.Where(s => s.Name != "noshow")
                .Select(s => s.Name == "assessment" ? s with { Steps = steps } : s with { Ends = s.Ends.Where(e => e.Sequence != "noshow").ToList() }).ToList(),
            Handlers = published.Handlers.Where(h => h.Name != "noshow-recovery-handler").ToList(),
        };
    }

    private async Task SaveDraftAsync(Func<CampaignDocument, CampaignDocument> edit)
    {
        var published = DefinitionReader.Read(await _app.Api.GetStringAsync("/api/campaign"), DefinitionFormat.Json).Document!;
        var put = await _app.Api.PutAsync("/api/campaign/draft", new StringContent(DefinitionWriter.ToJson(edit(published)), Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PreviewAsync(string policy, HttpClient? client = null) =>
        (client ?? _app.Api).PostAsJsonAsync("/api/campaign/draft/impact", new { policy });

    private Task<HttpResponseMessage> PublishAsync(string policy, int expectedRevision, HttpClient? client = null) =>
        (client ?? _app.Api).PostAsJsonAsync("/api/campaign/draft/publish", new { policy, expectedRevision });

    private static int Count(JsonElement impact, string name) => impact.GetProperty("steps").GetProperty(name).GetInt32();

    private Task<List<Step>> StepsOfAsync(string email) => _app.WithDbAsync(db => db.Steps.AsNoTracking()
        .Where(s => s.Sequence!.Contact!.Email == email).OrderBy(s => s.Number).ToListAsync());

    [Fact]
    public async Task InFlight_ThePreviewCounts_AreWhatThePublishDoes()
    {
        await SeedAsync();
        await SaveDraftAsync(EditedDraft);

        var previewResponse = await PreviewAsync("in-flight");
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        var preview = await TestApp.JsonAsync(previewResponse);
        Assert.Equal(HttpStatusCode.OK, (await _app.Api.GetAsync("/api/campaign/draft")).StatusCode); // nothing written
        Assert.Equal(1, await _app.WithDbAsync(db => db.Sequences.MaxAsync(s => s.Revision)));

        // Moved: #3 of Ann and Bob. Added: #6 of both (#7 is behind both). Cancelled: #4 of both and Cat's three noshow emails.
        Assert.Equal((2, 2, 5, 1, 1), (Count(preview, "moved"), Count(preview, "added"), Count(preview, "cancelled"), Count(preview, "sendNow"), Count(preview, "skippedOverdue")));
        Assert.Equal((3, 3), (preview.GetProperty("inFlight").GetProperty("sequences").GetInt32(), preview.GetProperty("inFlight").GetProperty("contacts").GetInt32()));
        Assert.Equal(1, preview.GetProperty("handlerCallsLast7Days").GetProperty("noshow-recovery-handler").GetInt32());
        var changes = preview.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("sequence").GetString()}/{(c.GetProperty("step").ValueKind == JsonValueKind.Number ? c.GetProperty("step").GetInt32() : null)}/{c.GetProperty("change").GetString()}").ToList();
        Assert.Contains("assessment/3/moved", changes);
        Assert.Contains("assessment/4/removed", changes);
        Assert.Contains("assessment/7/added", changes);
        Assert.Contains("noshow//sequence-removed", changes);
        var annMoved = preview.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("email").GetString() == Ann && s.GetProperty("step").GetInt32() == 3);
        var annAnchor = Now.AddHours(-30);
        Assert.Equal((annAnchor.AddHours(72), annAnchor.AddHours(48)), (annMoved.GetProperty("from").GetDateTime().ToUniversalTime(), annMoved.GetProperty("to").GetDateTime().ToUniversalTime()));

        var publishResponse = await PublishAsync("in-flight", 1);
        Assert.Equal(HttpStatusCode.OK, publishResponse.StatusCode);
        var published = await TestApp.JsonAsync(publishResponse);
        Assert.Equal(2, published.GetProperty("revision").GetInt32());
        Assert.Equal(preview.GetProperty("steps").GetRawText(), published.GetProperty("steps").GetRawText());
        Assert.Equal(preview.GetProperty("inFlight").GetRawText(), published.GetProperty("inFlight").GetRawText());

        var ann = await StepsOfAsync(Ann);
        var bob = await StepsOfAsync(Bob);
        var bobAnchor = Now.AddHours(-40);
        Assert.Equal((annAnchor.AddHours(48), StepStatus.Scheduled), (ann[2].DueAt, ann[2].Status));
        Assert.Equal((StepStatus.Cancelled, "removed in revision 2"), (ann[3].Status, ann[3].LastError));
        Assert.Equal(annAnchor.AddHours(24), ann[4].DueAt);
        Assert.True(ann[4].SendAt <= Now, "Ann's #5, overdue by less than the grace, goes at once");
        Assert.Equal((6, annAnchor.AddHours(144), StepStatus.Scheduled), (ann[5].Number, ann[5].DueAt, ann[5].Status));
        Assert.Equal(6, ann.Count); // #7 was never back-filled
        Assert.Equal((StepStatus.Skipped, "overdue"), (bob[4].Status, bob[4].LastError));
        Assert.Equal([1, 2, 3, 4, 5, 6], bob.Select(s => s.Number));
        var noshow = await _app.WithDbAsync(db => db.Sequences.AsNoTracking().Include(s => s.Steps).SingleAsync(s => s.Contact!.Email == Cat));
        Assert.Equal((SequenceStatus.Cancelled, "removed in revision 2"), (noshow.Status, noshow.EndedReason));
        Assert.All(noshow.Steps, s => Assert.Equal(StepStatus.Cancelled, s.Status));
        Assert.Equal([2, 2, 2], await _app.WithDbAsync(db => db.Sequences.Select(s => s.Revision).ToListAsync()));

        // The moved step went through the change feed (the Notion mirror and the dispatcher's other instances read it).
        Assert.True(await _app.WithDbAsync(db => db.Changes.AnyAsync(c => c.Entity == ChangeEntity.Step && c.EntityId == ann[2].Id)));
        var contact = await _app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{Uri.EscapeDataString(Ann)}");
        Assert.Equal(2, contact.GetProperty("sequences")[0].GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Api.GetAsync("/api/campaign/draft")).StatusCode);
        var revisions = await _app.Api.GetFromJsonAsync<JsonElement>("/api/campaign/revisions");
        Assert.Equal((2, "in-flight", "api-token"), (revisions[0].GetProperty("revision").GetInt32(), revisions[0].GetProperty("policy").GetString(), revisions[0].GetProperty("publishedBy").GetString()));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "campaign.publish" && e.Target == "revision 2")));
    }

    [Fact]
    public async Task NewOnly_LeavesEverySequenceInFlightAsItWas()
    {
        await SeedAsync();
        var before = (await StepsOfAsync(Ann)).Concat(await StepsOfAsync(Bob)).Select(s => (s.Id, s.Status, s.DueAt, s.SendAt)).ToList();
        await SaveDraftAsync(EditedDraft);

        var preview = await TestApp.JsonAsync(await PreviewAsync("new-only"));
        var response = await PublishAsync("new-only", 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = await TestApp.JsonAsync(response);
        Assert.Equal(("new-only", 2), (published.GetProperty("policy").GetString(), published.GetProperty("revision").GetInt32()));
        Assert.Equal("{\"moved\":0,\"added\":0,\"cancelled\":0,\"sendNow\":0,\"skippedOverdue\":0}", published.GetProperty("steps").GetRawText());
        Assert.Equal(preview.GetProperty("steps").GetRawText(), published.GetProperty("steps").GetRawText());
        Assert.Equal(3, published.GetProperty("inFlight").GetProperty("sequences").GetInt32());
        Assert.Equal(before, (await StepsOfAsync(Ann)).Concat(await StepsOfAsync(Bob)).Select(s => (s.Id, s.Status, s.DueAt, s.SendAt)).ToList());
        Assert.Equal(SequenceStatus.Active, await _app.WithDbAsync(db => db.Sequences.Where(s => s.Contact!.Email == Cat).Select(s => s.Status).SingleAsync()));
        Assert.Equal([1, 1, 1], await _app.WithDbAsync(db => db.Sequences.Select(s => s.Revision).ToListAsync()));
    }

    [Fact]
    public async Task AStaleExpectedRevision_Is409_AndKeepsTheDraft()
    {
        await SaveDraftAsync(d => EditedDraft(d));

        var stale = await PublishAsync("in-flight", 2);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Revision 1 is in force", (await TestApp.JsonAsync(stale)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _app.Api.GetAsync("/api/campaign/draft")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PublishAsync("in-flight", 1)).StatusCode);
        await SaveDraftAsync(d => d);
        var second = await PublishAsync("in-flight", 1);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Revision 2 is in force", (await TestApp.JsonAsync(second)).GetProperty("detail").GetString());
        Assert.Equal(2, await _app.WithDbAsync(db => db.CampaignRevisions.CountAsync()));
    }

    [Fact]
    public async Task TheLaterOfTwoPublishers_FindsTheDraftGone_AndGets409NamingTheRevisionInForce()
    {
        await SaveDraftAsync(EditedDraft);
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync("in-flight", 1)).StatusCode);

        // The second Admin reviewed the same draft at revision 1; it was published (and removed) meanwhile.
        var later = await PublishAsync("in-flight", 1);

        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Contains("Revision 2 is in force", (await TestApp.JsonAsync(later)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TwoAdminsPublishingAtOnce_OneWins_TheOtherGets409()
    {
        await SeedAsync();
        await SaveDraftAsync(EditedDraft);

        var answers = await Task.WhenAll(Task.Run(() => PublishAsync("in-flight", 1)), Task.Run(() => PublishAsync("in-flight", 1)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal([1, 2], await _app.WithDbAsync(db => db.CampaignRevisions.OrderBy(r => r.Revision).Select(r => r.Revision).ToListAsync()));
        // The winner's edit applied once: each assessment has one #6.
        Assert.Equal(2, await _app.WithDbAsync(db => db.Steps.CountAsync(s => s.Number == 6)));
    }

    [Fact]
    public async Task AMarketer_MayPreview_ButNotPublish()
    {
        await SaveDraftAsync(EditedDraft);
        var user = $"marketer.{_tag}@example.com";
        await _app.CreateUserAsync(user, "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(_app, user, "marketer-password-1");

        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync("in-flight", marketer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PublishAsync("in-flight", 1, marketer)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PublishAsync("in-flight", 1, _app.Anonymous)).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.CampaignRevisions.CountAsync()));
    }

    [Fact]
    public async Task BadBodies_Are400_AndNoDraft_Is404()
    {
        var badPolicy = await PublishAsync("everything", 1);
        Assert.Equal(HttpStatusCode.BadRequest, badPolicy.StatusCode);
        Assert.Contains("in-flight", (await TestApp.JsonAsync(badPolicy)).GetProperty("errors").GetProperty("policy")[0].GetString());
        var noRevision = await _app.Api.PostAsJsonAsync("/api/campaign/draft/publish", new { policy = "new-only" });
        Assert.True((await TestApp.JsonAsync(noRevision)).GetProperty("errors").TryGetProperty("expectedRevision", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Api.PostAsync("/api/campaign/draft/impact", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Api.PostAsync("/api/campaign/draft/impact", new StringContent("[1]", Encoding.UTF8, "application/json"))).StatusCode);

        var none = await PreviewAsync("in-flight");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await PublishAsync("in-flight", 1)).StatusCode);
    }
}

public sealed class CampaignPublishApiOnSqlite() : CampaignPublishApiTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class CampaignPublishApiOnPostgres(Fixtures.Postgres.PostgresServer postgres) : CampaignPublishApiTests(postgres);
