using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Api;

/// <summary>DESIGN "Refused calls...": <c>upcoming</c> entries and steps name the template actually used, the segment variant when one applies.</summary>
public sealed class UpcomingVariantKeysApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<JsonElement> ContactAsync(string email) => await TestApp.JsonAsync(await shared.App.Api.GetAsync($"/api/contacts/{email}"));

    private static IEnumerable<string?> Keys(JsonElement contact, string kind) =>
        contact.GetProperty("upcoming").EnumerateArray().Where(u => u.GetProperty("sequenceKind").GetString() == kind)
            .Select(u => u.GetProperty("templateKey").GetString());

    private static IEnumerable<string?> PendingStepKeys(JsonElement contact, string kind) => contact.GetProperty("sequences").EnumerateArray()
        .Where(q => q.GetProperty("kind").GetString() == kind)
        .SelectMany(q => q.GetProperty("steps").EnumerateArray()).Where(s => s.GetProperty("status").GetString() == "scheduled")
        .Select(s => s.GetProperty("templateKey").GetString());

    [Theory]
    [InlineData(2, 1, "critical")]
    [InlineData(1, 0, "urgent")]
    [InlineData(0, 0, "optimize")]
    public async Task UpcomingAndSteps_NameTheSegmentVariant_TheContactGets(int red, int orange, string variant)
    {
        var email = $"v{Guid.NewGuid():N}@example.com";
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddSeconds(-10), email);
        (body["red_systems"], body["orange_systems"]) = (red, orange);
        (await shared.App.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();

        var contact = await ContactAsync(email);

        string[] expected = [$"assessment-2.{variant}", $"assessment-3.{variant}", $"assessment-4.{variant}", $"assessment-5.{variant}"];
        Assert.Equal(expected, Keys(contact, "assessment"));
        Assert.Equal(expected, PendingStepKeys(contact, "assessment"));
    }

    [Fact]
    public async Task AStepWithoutAVariant_IsNamedByItsBaseKey()
    {
        var email = $"v{Guid.NewGuid():N}@example.com";
        (await shared.App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddSeconds(-10), email))).EnsureSuccessStatusCode();
        (await shared.App.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(DateTimeOffset.UtcNow.AddHours(1), email))).EnsureSuccessStatusCode();

        var contact = await ContactAsync(email);

        Assert.Equal(["noshow-1", "noshow-2", "noshow-3"], Keys(contact, "noshow"));
        Assert.Equal(["noshow-1", "noshow-2", "noshow-3"], PendingStepKeys(contact, "noshow"));
    }

    [Fact]
    public async Task CancellingASequence_AnswersItsSteps_NamedByTheVariant()
    {
        var email = $"v{Guid.NewGuid():N}@example.com";
        (await shared.App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddSeconds(-10), email))).EnsureSuccessStatusCode();
        var id = (await ContactAsync(email)).GetProperty("sequences")[0].GetProperty("id").GetInt64();

        var cancelled = await TestApp.JsonAsync(await shared.App.Api.PostAsync($"/api/sequences/{id}/cancel", null));

        Assert.Equal(["assessment-2.critical", "assessment-3.critical", "assessment-4.critical", "assessment-5.critical"],
            cancelled.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("number").GetInt32() > 1).Select(s => s.GetProperty("templateKey").GetString()));
    }
}
