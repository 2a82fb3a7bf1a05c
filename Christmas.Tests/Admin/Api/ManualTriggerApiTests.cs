using System.Net;
using System.Net.Http.Json;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary><c>POST /api/sequences</c> and the console's trigger page share ManualTrigger: same validation, same audit.</summary>
public class ManualTriggerApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Trigger_RecordsAnAuditEntry_WhenItStartsASequence()
    {
        var email = $"api-trigger-{Guid.NewGuid():N}@example.com";
        var payload = Christmas.Tests.Fixtures.Webhooks.Noshow(DateTimeOffset.UtcNow, email);
        payload["handler"] = "noshow-recovery-handler";

        var response = await shared.App.Api.PostAsJsonAsync("/api/sequences", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await shared.App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "sequence.trigger" && a.Target == email));
        Assert.Contains("noshow-recovery-handler", entry.Detail);
    }

    [Fact]
    public async Task Trigger_RecordsNothing_WhenTheBodyIsInvalid()
    {
        var response = await shared.App.Api.PostAsJsonAsync("/api/sequences", new { handler = "noshow-recovery-handler", email = "bad-trigger" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestApp.JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("calendly_event_id", out _));
        Assert.False(await shared.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sequence.trigger" && a.Target == "bad-trigger")));
    }
}
