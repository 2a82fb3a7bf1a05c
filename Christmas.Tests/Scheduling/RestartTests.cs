using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Scheduling;

/// <summary>Stop a host, start a new one on the same data directory: nothing is lost and nothing is sent twice.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly Dictionary<string, string?> Testing = new() { ["Campaign:TestingMode"] = "true" };
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _email = $"r{Guid.NewGuid():N}@example.com";

    public void Dispose() => TestApp.DeleteDirectory(_directory);

    private Task<TestApp> StartAsync() => TestApp.StartAsync(_clock, _directory, Testing);

    private Task<List<OutboxMessage>> OutboxAsync(TestApp app) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == _email).ToListAsync());

    private async Task<DateTimeOffset> StartAssessmentAsync(TestApp app)
    {
        var anchor = _clock.GetUtcNow();
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, _email))).EnsureSuccessStatusCode();
        return anchor;
    }

    private async Task AssertEachScheduledStepSentOnceAsync(TestApp app)
    {
        var messages = await Eventually.WaitAsync(() => OutboxAsync(app), m => m.Count >= 4, TimeSpan.FromSeconds(5), "4 emails after the restart");
        await Task.Delay(500);
        messages = await OutboxAsync(app);
        Assert.Equal(4, messages.Count);
        Assert.Equal(4, messages.Select(m => m.StepId).Distinct().Count());
        var steps = await app.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == _email && s.Number > 1).ToListAsync());
        Assert.All(steps, s => Assert.Equal(StepStatus.Sent, s.Status));
    }

    [Fact]
    public async Task PendingSteps_GoOutExactlyOnce_AfterARestart()
    {
        DateTimeOffset anchor;
        await using (var first = await StartAsync())
        {
            anchor = await StartAssessmentAsync(first);
            _clock.SetUtcNow(anchor.AddMinutes(1));
            await Eventually.WaitAsync(() => OutboxAsync(first), m => m.Count == 1, TimeSpan.FromSeconds(5), "email #2 before the restart");
        }

        _clock.SetUtcNow(anchor.AddMinutes(4));
        await using var second = await StartAsync();
        await AssertEachScheduledStepSentOnceAsync(second);
    }

    [Fact]
    public async Task ASendInterruptedByACrash_IsRecovered_AndTheProviderKeyPreventsASecondEmail()
    {
        DateTimeOffset anchor;
        await using (var first = await StartAsync()) anchor = await StartAssessmentAsync(first);

        // Simulate a crash after the provider accepted #2 but before the step was marked sent:
        // the step is left "sending" and the outbox already holds the message under the step's key.
        await using (var offline = await StartAsync())
        {
            await offline.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"UPDATE Steps SET Status = 'Sending', Attempts = 1, ClaimedAt = {anchor.AddMinutes(1).UtcDateTime} WHERE Number = 2");
                var step = await db.Steps.SingleAsync(s => s.Number == 2 && s.Sequence!.Contact!.Email == _email);
                db.OutboxMessages.Add(new OutboxMessage("outbox-before-crash",
                    new Christmas.Core.Delivery.OutgoingEmail(step.Id, _email, step.TemplateKey, step.IdempotencyKey,
                        new Christmas.Core.Templates.RenderedEmail("s", "<p>h</p>", "t"), new Dictionary<string, string>(), new Dictionary<string, string?>()),
                    "{}", "{}", anchor.AddMinutes(1).UtcDateTime));
                return await db.SaveChangesAsync();
            });
        }

        _clock.SetUtcNow(anchor.AddMinutes(4));
        await using var restarted = await StartAsync();
        await AssertEachScheduledStepSentOnceAsync(restarted);
        var second = await restarted.WithDbAsync(db => db.Steps.SingleAsync(s => s.Number == 2 && s.Sequence!.Contact!.Email == _email));
        Assert.Equal("outbox-before-crash", second.ProviderMessageId);
        Assert.Equal(2, second.Attempts);
    }

    [Fact]
    public async Task DueSteps_StillGoOut_WhenTheHangfireStoreWasLost()
    {
        DateTimeOffset anchor;
        await using (var first = await StartAsync())
        {
            anchor = await StartAssessmentAsync(first);
            // Handed to jobs that will be lost with the store.
            await first.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Steps SET DispatchedAt = {anchor.UtcDateTime} WHERE Status = 'Scheduled'"));
        }
        foreach (var file in Directory.GetFiles(_directory, "hangfire.db*")) File.Delete(file);

        _clock.SetUtcNow(anchor.AddMinutes(4));
        await using var second = await StartAsync();
        await AssertEachScheduledStepSentOnceAsync(second);
    }
}
