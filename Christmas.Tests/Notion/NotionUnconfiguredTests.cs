using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Notion;

/// <summary>Without Notion:Token nothing Notion runs, fails or complains.</summary>
public sealed class NotionUnconfiguredTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Status_SaysOff_ContactsSayOff_AndHealthIsQuiet()
    {
        var app = shared.App;
        var email = $"off-{Guid.NewGuid():N}@example.com";
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow, email))).EnsureSuccessStatusCode();

        var status = await app.Api.GetFromJsonAsync<JsonElement>("/api/notion/status");
        Assert.False(status.GetProperty("configured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastError").ValueKind);
        var contact = await app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
        Assert.Equal("off", contact.GetProperty("notion").GetProperty("status").GetString());
        Assert.Equal("off", contact.GetProperty("sequences")[0].GetProperty("notion").GetProperty("status").GetString());
        var health = await TestApp.JsonAsync(await app.Api.GetAsync("/health"));
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("notion").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/notion/resync")]
    [InlineData("/api/notion/import/contacts?dryRun=true")]
    [InlineData("/api/notion/import/templates")]
    [InlineData("/api/notion/check")]
    public async Task Actions_AnswerConflict_WithWhatToSet(string path)
    {
        var response = await shared.App.Api.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Notion:Token", (await TestApp.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABadDryRunValue_IsA400()
    {
        var response = await shared.App.Api.PostAsync("/api/notion/import/contacts?dryRun=maybe", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
