using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Api;

/// <summary>The operator and monitoring API of DESIGN.md, over real HTTP with the API token.</summary>
public class OperatorApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;
    private static string NewEmail() => $"api{Guid.NewGuid():N}@example.com";

    private async Task<JsonElement> StartAssessmentAsync(string email)
    {
        var response = await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email));
        response.EnsureSuccessStatusCode();
        return await TestApp.JsonAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/flows")]
    [InlineData("/api/v1/executions")]
    [InlineData("/api/v1/executions/search")]
    [InlineData("/api/contacts")]
    [InlineData("/api/outbox")]
    [InlineData("/api/settings/testing-mode")]
    [InlineData("/hangfire")]
    public async Task WithoutTheToken_TheApiAndDashboardAnswer401(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync(path)).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Authorization = new("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task TheDashboard_OpensWithTheToken()
    {
        var response = await App.Api.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Christmas Campaign scheduler", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_ReportsDatabaseAndScheduler_ToATokenCaller()
    {
        var health = await App.Api.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/v1/flows")]
    [InlineData("/api/v1/flows/christmas.handlers")]
    public async Task Flows_ListTheFiveHandlers_WithTheirWebhookPathsWithoutKeys(string path)
    {
        var flows = await App.Api.GetFromJsonAsync<JsonElement>(path);
        var ids = flows.EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(["signup-handler", "assessment-handler", "noshow-recovery-handler", "postcall-maybe-handler", "onboarding-handler"], ids);
        Assert.All(flows.EnumerateArray(), f =>
        {
            Assert.Equal("christmas.handlers", f.GetProperty("namespace").GetString());
            Assert.DoesNotContain("webhook-key", f.GetProperty("webhookPath").GetString());
        });
    }

    [Fact]
    public async Task Executions_AreNewestFirst_Searchable_AndCarryPayloadAndLogsUnderBothPaths()
    {
        var email = NewEmail();
        await App.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email));
        var started = await StartAssessmentAsync(email);
        var id = started.GetProperty("id").GetString();

        var page = await App.Api.GetFromJsonAsync<JsonElement>("/api/v1/executions?page=1&size=25");
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        var times = page.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("receivedAt").GetDateTime()).ToList();
        Assert.Equal(times.OrderDescending(), times);

        var search = await App.Api.GetFromJsonAsync<JsonElement>(
            $"/api/v1/executions/search?flowId=assessment-handler&state=SUCCESS&startDate={Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(-5).ToString("O"))}");
        Assert.Contains(search.GetProperty("results").EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.All(search.GetProperty("results").EnumerateArray(), e => Assert.Equal("assessment-handler", e.GetProperty("flowId").GetString()));

        var one = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}");
        Assert.Equal(email, one.GetProperty("payload").GetProperty("email").GetString());
        Assert.Equal(started.GetProperty("sequenceId").GetInt64(), one.GetProperty("sequenceId").GetInt64());

        var logs = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}/logs");
        var kestraLogs = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/logs/{id}");
        Assert.Equal(logs.GetRawText(), kestraLogs.GetRawText());
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("message").GetString()!.Contains("scheduled for"));
        Assert.All(logs.EnumerateArray(), l => Assert.True(l.TryGetProperty("timestamp", out _) && l.TryGetProperty("level", out _)));
    }

    [Theory]
    [InlineData("/api/v1/executions/doesnotexist")]
    [InlineData("/api/v1/executions/doesnotexist/logs")]
    [InlineData("/api/contacts/nobody@example.com")]
    public async Task UnknownIds_Answer404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.GetAsync(path)).StatusCode);

    [Theory]
    [InlineData("/api/v1/executions?page=0")]
    [InlineData("/api/v1/executions?size=100000")]
    [InlineData("/api/v1/executions?page=abc")]
    [InlineData("/api/v1/executions/search?startDate=notadate")]
    [InlineData("/api/v1/executions/search?flowId=nope")]
    [InlineData("/api/contacts?segment=PURPLE")]
    [InlineData("/api/contacts?segment=1")]
    [InlineData("/api/outbox?size=-1")]
    public async Task BadQueryValues_Answer400(string path) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Api.GetAsync(path)).StatusCode);

    [Fact]
    public async Task AContact_ComesWithItsSequencesAndEveryStep_InDesignsShape()
    {
        var email = NewEmail();
        await StartAssessmentAsync(email);

        var contact = await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal(email, contact.GetProperty("email").GetString());
        Assert.Equal("CRITICAL", contact.GetProperty("segment").GetString());
        Assert.Equal(2, contact.GetProperty("redSystems").GetInt32());
        Assert.Equal("active", contact.GetProperty("status").GetString());
        var sequence = Assert.Single(contact.GetProperty("sequences").EnumerateArray());
        Assert.Equal(("assessment", "active", "production"),
            (sequence.GetProperty("kind").GetString(), sequence.GetProperty("status").GetString(), sequence.GetProperty("mode").GetString()));
        var steps = sequence.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(5, steps.Count);
        Assert.Equal(("sent", "website"), (steps[0].GetProperty("status").GetString(), steps[0].GetProperty("sentBy").GetString()));
        Assert.EndsWith("Z", steps[1].GetProperty("dueAt").GetString());
        foreach (var field in new[] { "id", "number", "templateKey", "dueAt", "status", "sentBy", "sentAt", "providerMessageId", "attempts", "lastError" })
            Assert.True(steps[1].TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Contacts_ArePagedAndSearchable()
    {
        var email = NewEmail();
        await StartAssessmentAsync(email);

        var found = await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts?search={email[..12]}&segment=critical&page=1&size=5");
        var row = Assert.Single(found.GetProperty("results").EnumerateArray());
        Assert.Equal(email, row.GetProperty("email").GetString());
        Assert.Equal(1, row.GetProperty("activeSequences").GetInt32());
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CancellingASequence_CancelsItsPendingSteps_AndASecondCancelIsAConflict()
    {
        var email = NewEmail();
        var id = (await StartAssessmentAsync(email)).GetProperty("sequenceId").GetInt64();

        var response = await App.Api.PostAsJsonAsync($"/api/sequences/{id}/cancel", new { reason = "asked by phone" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sequence = await TestApp.JsonAsync(response);
        Assert.Equal(("cancelled", "asked by phone"), (sequence.GetProperty("status").GetString(), sequence.GetProperty("endedReason").GetString()));
        Assert.Equal(["sent", "cancelled", "cancelled", "cancelled", "cancelled"],
            sequence.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.Conflict, (await App.Api.PostAsync($"/api/sequences/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.PostAsync("/api/sequences/999999/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task ManualTrigger_UsesTheWebhooksValidation_AndStartsTheSequence()
    {
        var email = NewEmail();
        var bad = await App.Api.PostAsJsonAsync("/api/sequences", new { handler = "postcall-maybe-handler", email = "broken" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await TestApp.JsonAsync(bad)).GetProperty("errors");
        Assert.Equal(["business_name", "email", "first_name"], errors.EnumerateObject().Select(p => p.Name).Order());

        var unknown = await App.Api.PostAsJsonAsync("/api/sequences", new { handler = "nope", email });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await TestApp.JsonAsync(unknown)).GetProperty("errors").TryGetProperty("handler", out _));

        var payload = Fixtures.Webhooks.Postcall(DateTimeOffset.UtcNow.AddMinutes(-1), email);
        payload["handler"] = "postcall-maybe-handler";
        var ok = await App.Api.PostAsJsonAsync("/api/sequences", payload);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var execution = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{(await TestApp.JsonAsync(ok)).GetProperty("id").GetString()}");
        Assert.StartsWith("manual:", execution.GetProperty("triggeredBy").GetString());
        Assert.Equal("manual", execution.GetProperty("trigger").GetProperty("id").GetString());
        var contact = await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
        Assert.Equal("postcall", contact.GetProperty("sequences")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ResendingAStepThatWasNeverSentByUs_OrDoesNotExist_IsRefusedClearly()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.PostAsync("/api/steps/999999/resend", null)).StatusCode);
    }
}
