using System.Net;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>
/// One address cannot be given any number of sequences by varying a dedupe field (calendly_event_id):
/// past <c>Webhooks:MaxActiveSequencesPerContact</c> a call answers 200 with a warning and starts nothing.
/// </summary>
public abstract class ActiveSequenceCapTests
{
    protected abstract TestApp App { get; }

    [Fact]
    public async Task AFourthNoShowSequence_ForOneAddress_IsNotStarted_AndTheAnswerSaysWhy()
    {
        var email = $"cap-{Guid.NewGuid():N}@example.com";
        var scheduled = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 1; i <= 3; i++)
        {
            var started = await App.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(scheduled, email, $"evt_{i}"));
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        var fourth = await App.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(scheduled, email, "evt_4"));
        var repeat = await App.PostWebhookAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(scheduled, email, "evt_2"));

        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        var answer = await TestApp.JsonAsync(fourth);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("sequenceId").ValueKind);
        Assert.Contains(answer.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Webhooks:MaxActiveSequencesPerContact"));
        // A repeat of one of the three is still a dedupe hit, not refused by the cap.
        Assert.True((await TestApp.JsonAsync(repeat)).GetProperty("deduplicated").GetBoolean());
        var active = await App.WithDbAsync(db => db.Sequences.CountAsync(s => s.Contact!.Email == email && s.Kind == "noshow"));
        Assert.Equal(3, active);
    }
}

public sealed class ActiveSequenceCapOnSqlite(SharedApp shared) : ActiveSequenceCapTests, IClassFixture<SharedApp>
{
    protected override TestApp App => shared.App;
}

/// <summary>The cap's count is prepared SQL of its own: on PostgreSQL too.</summary>
[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class ActiveSequenceCapOnPostgres(Fixtures.Postgres.PostgresServer postgres) : ActiveSequenceCapTests, IAsyncLifetime
{
    private TestApp _app = null!;
    protected override TestApp App => _app;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: await postgres.SettingsAsync());
    public async Task DisposeAsync() => await _app.DisposeAsync();
}
