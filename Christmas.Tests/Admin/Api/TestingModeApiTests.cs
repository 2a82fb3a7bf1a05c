using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Api;

/// <summary>Testing mode is persisted, starts from configuration, and fixes the offsets of sequences created under it.</summary>
public class TestingModeApiTests
{
    [Fact]
    public async Task TestingMode_StartsFromConfiguration_IsPersisted_AndSurvivesARestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var app = await TestApp.StartAsync(dataDirectory: directory, settings: new Dictionary<string, string?> { ["Campaign:TestingMode"] = "true" }))
            {
                Assert.True((await app.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode")).GetProperty("enabled").GetBoolean());
                var put = await app.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = false });
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }
            await using (var again = await TestApp.StartAsync(dataDirectory: directory, settings: new Dictionary<string, string?> { ["Campaign:TestingMode"] = "true" }))
            {
                Assert.False((await again.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode")).GetProperty("enabled").GetBoolean());
            }
        }
        finally
        {
            TestApp.DeleteDirectory(directory);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"enabled\":\"yes\"}")]
    [InlineData("[true]")]
    [InlineData("{")]
    public async Task AnInvalidBody_Answers400_AndChangesNothing(string body)
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Api.PutAsync("/api/settings/testing-mode", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await app.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task ASequenceKeepsItsMode_UntilPendingStepsAreRescheduled()
    {
        await using var app = await TestApp.StartAsync();
        var email = $"mode{Guid.NewGuid():N}@example.com";
        var anchor = DateTimeOffset.UtcNow.AddSeconds(-10);
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();

        await app.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = true });
        var before = await app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
        Assert.Equal("production", before.GetProperty("sequences")[0].GetProperty("mode").GetString());

        var moved = await (await app.Api.PostAsync("/api/sequences/reschedule-pending", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, moved.GetProperty("moved").GetInt32());
        var after = await app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}");
        var sequence = after.GetProperty("sequences")[0];
        Assert.Equal("testing", sequence.GetProperty("mode").GetString());
        var dues = sequence.GetProperty("steps").EnumerateArray().Skip(1).Select(s => s.GetProperty("dueAt").GetDateTime().ToUniversalTime()).ToList();
        var anchorSecond = DateTimeOffset.FromUnixTimeSeconds(anchor.ToUnixTimeSeconds()).UtcDateTime;
        Assert.Equal([1, 2, 3, 4], dues.Select(d => (d - anchorSecond).TotalMinutes));
    }
}
