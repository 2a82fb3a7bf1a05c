using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// A handler is live when a revision names it, with no restart: one stored by another instance is seen
/// within a second (PublishedCampaign.CheckEvery), its fields are validated by kind, its key is generated
/// and stored, and a handler the revision no longer has answers 404 like an unknown one.
/// </summary>
public sealed class LiveHandlersTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>What another instance's publish leaves in the shared database: the next revision's row.</summary>
    private Task StoreRevisionTwoAsync(CampaignDocument document) => _app.WithDbAsync(async db =>
    {
        db.CampaignRevisions.Add(new CampaignRevision(2, DefinitionWriter.ToJson(document), DateTime.UtcNow, "other-instance@test.local", PublishPolicies.NewOnly, "webinar"));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ANewHandler_IsLiveWithoutARestart_WithAGeneratedKey_AndItsFieldsCheckedByKind()
    {
        var put = await _app.Api.PutAsJsonAsync("/api/templates/webinar-1", WebinarCampaign.TemplateText);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        await StoreRevisionTwoAsync(WebinarCampaign.Document());

        var flows = await Eventually.WaitAsync(() => _app.Api.GetFromJsonAsync<JsonElement>("/api/v1/flows"),
            f => f.EnumerateArray().Any(x => x.GetProperty("id").GetString() == "webinar-handler"), TimeSpan.FromSeconds(5), "the new handler listed");
        Assert.DoesNotContain(flows.EnumerateArray(), x => x.GetProperty("id").GetString() == "postcall-maybe-handler");

        var key = await _app.WithDbAsync(db => db.Settings.Where(s => s.Key == GeneratedWebhookKeys.SettingPrefix + "webinar-handler").Select(s => s.Value).SingleAsync());
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.PostWebhookAsync("webinar-handler", WebinarCampaign.Registration(2), key: "webinar-webhook-key")).StatusCode);

        var tooMany = await _app.PostWebhookAsync("webinar-handler", WebinarCampaign.Registration(11), key);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("seats must be a whole number from 1 to 10.", await tooMany.Content.ReadAsStringAsync());

        var accepted = await _app.PostWebhookAsync("webinar-handler", WebinarCampaign.Registration(2), key);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var sequence = await _app.WithDbAsync(db => db.Sequences.Include(s => s.Steps).SingleAsync(s => s.Contact!.Email == "wendy@example.com"));
        Assert.Equal(("webinar", "webinar:dec-12"), (sequence.Kind, sequence.DedupeKey));
        var step = Assert.Single(sequence.Steps);
        Assert.Equal(("webinar-1", WebinarCampaign.RegisteredAt.AddHours(1), StepStatus.Scheduled), (step.TemplateKey, step.DueAt, step.Status));
    }

    [Fact]
    public async Task AHandlerTheRevisionNoLongerHas_AnswersLikeAnUnknownOne()
    {
        await _app.Api.PutAsJsonAsync("/api/templates/webinar-1", WebinarCampaign.TemplateText);
        var body = new Dictionary<string, object?>
        {
            ["email"] = "paul@example.com", ["first_name"] = "Paul", ["business_name"] = "Paul's", ["call_date"] = "2026-12-07T09:00:00Z",
        };
        Assert.Equal(HttpStatusCode.OK, (await _app.PostWebhookAsync("postcall-maybe-handler", body)).StatusCode);

        await StoreRevisionTwoAsync(WebinarCampaign.Document());

        var gone = await Eventually.WaitAsync(() => _app.PostWebhookAsync("postcall-maybe-handler", body), r => r.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(5), "the removed handler refused");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var unknown = await _app.PostWebhookAsync("no-such-handler", body, key: "postcall-webhook-key");
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await gone.Content.ReadAsStringAsync());
    }
}
