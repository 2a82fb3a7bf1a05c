using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>Replay of a stored webhook call over real HTTP: a new execution through the webhook's own validation and dedupe.</summary>
public class ReplayApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;
    private static string NewEmail() => $"replay{Guid.NewGuid():N}@example.com";

    private async Task<JsonElement> PostAsync(string handler, object body)
    {
        var response = await App.PostWebhookAsync(handler, body);
        response.EnsureSuccessStatusCode();
        return await TestApp.JsonAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/executions/{0}/replay")]
    [InlineData("/api/v1/main/executions/{0}/actions/replay")]
    public async Task ReplayingASignup_AnswersANewExecution_LinkedToTheOriginalBothWays(string path)
    {
        var email = NewEmail();
        var original = (await PostAsync("signup-handler", Fixtures.Webhooks.Signup(email))).GetProperty("id").GetString()!;

        var response = await App.Api.PostAsync(string.Format(path, original), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replay = await TestApp.JsonAsync(response);
        var replayId = replay.GetProperty("id").GetString();
        Assert.NotEqual(original, replayId);
        Assert.Equal(original, replay.GetProperty("originalId").GetString());
        Assert.Equal("signup-handler", replay.GetProperty("flowId").GetString());
        Assert.Equal("replay", replay.GetProperty("trigger").GetProperty("id").GetString());
        Assert.Equal(email, replay.GetProperty("trigger").GetProperty("variables").GetProperty("body").GetProperty("email").GetString());
        Assert.Equal("replay:api-token", replay.GetProperty("triggeredBy").GetString());

        var again = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{original}");
        Assert.Equal(original, again.GetProperty("originalId").GetString());
        Assert.Equal([replayId], again.GetProperty("replays").EnumerateArray().Select(r => r.GetString()));
        var logs = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/logs/{replayId}");
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("message").GetString() == $"Replay of execution {original}.");
    }

    [Fact]
    public async Task ReplayingAnAssessment_WhileItsSequenceIsActive_StartsNoSecondSequence_AsTheWebhookWouldNot()
    {
        var email = NewEmail();
        var first = await PostAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email));
        var sequenceId = first.GetProperty("sequenceId").GetInt64();

        var response = await App.Api.PostAsync($"/api/v1/executions/{first.GetProperty("id").GetString()}/replay", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replay = await TestApp.JsonAsync(response);
        Assert.True(replay.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(sequenceId, replay.GetProperty("sequenceId").GetInt64());
        var sequences = await App.WithDbAsync(db => db.Sequences.CountAsync(s => s.Contact!.Email == email && s.Kind == "assessment"));
        Assert.Equal(1, sequences);
    }

    [Fact]
    public async Task ReplayingAnAssessment_AfterItsSequenceWasCancelled_StillStartsNone_TheDedupeKeyIsTaken()
    {
        var email = NewEmail();
        var first = await PostAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email));
        (await App.Api.PostAsync($"/api/sequences/{first.GetProperty("sequenceId").GetInt64()}/cancel", null)).EnsureSuccessStatusCode();
        var webhookAgain = await PostAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email));

        var replay = await TestApp.JsonAsync(await App.Api.PostAsync($"/api/v1/executions/{first.GetProperty("id").GetString()}/replay", null));

        Assert.Equal(webhookAgain.GetProperty("deduplicated").GetBoolean(), replay.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(webhookAgain.GetProperty("sequenceId").GetInt64(), replay.GetProperty("sequenceId").GetInt64());
    }

    [Fact]
    public async Task AReplay_IsAudited_WithWhoAndTheNewExecution()
    {
        var original = (await PostAsync("signup-handler", Fixtures.Webhooks.Signup(NewEmail()))).GetProperty("id").GetString()!;

        var replayId = (await TestApp.JsonAsync(await App.Api.PostAsync($"/api/v1/executions/{original}/replay", null))).GetProperty("id").GetString()!;

        var target = $"execution {original}";
        var entry = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Target == target));
        Assert.Equal(("api-token", "execution.replay"), (entry.Actor, entry.Action));
        Assert.Contains(replayId, entry.Detail);
    }

    [Theory]
    [InlineData("/api/v1/executions/doesnotexist/replay")]
    [InlineData("/api/v1/main/executions/doesnotexist/actions/replay")]
    [InlineData("/api/v1/executions/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/replay")]
    public async Task ReplayingAnUnknownExecution_Answers404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.PostAsync(path, null)).StatusCode);

    [Fact]
    public async Task Replay_NeedsTheToken()
    {
        var original = (await PostAsync("signup-handler", Fixtures.Webhooks.Signup(NewEmail()))).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.PostAsync($"/api/v1/executions/{original}/replay", null)).StatusCode);
        var replays = await App.WithDbAsync(db => db.Executions.CountAsync(e => e.OriginalId == original));
        Assert.Equal(0, replays);
    }
}
