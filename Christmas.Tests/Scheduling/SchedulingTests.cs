using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Scheduling;

/// <summary>The scheduler end to end on fake time: real HTTP, real SQLite, real Hangfire, the Outbox sender.</summary>
public class SchedulingTests
{
    /// <summary>Due steps must leave within 5 s of their due time (issue #2); measured on the real clock after the fake one reaches the due time.</summary>
    private static readonly TimeSpan SendBound = TimeSpan.FromSeconds(5);
    private static readonly Dictionary<string, string?> Testing = new() { ["Campaign:TestingMode"] = "true" };

    private static FakeTimeProvider NewClock() =>
        new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private static Task<List<OutboxMessage>> OutboxAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    private static Task<List<Step>> StepsAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == email).OrderBy(s => s.Number).ToListAsync());

    private static Task<List<OutboxMessage>> WaitForOutboxAsync(TestApp app, string email, int count) =>
        Eventually.WaitAsync(() => OutboxAsync(app, email), m => m.Count >= count, SendBound, $"{count} emails in the outbox for {email}");

    [Fact]
    public async Task InTestingMode_AssessmentEmailsTwoToFive_LeaveAtOneToFourMinutes_EachOnce()
    {
        var clock = NewClock();
        await using var app = await TestApp.StartAsync(clock, settings: Testing);
        var email = $"t{Guid.NewGuid():N}@example.com";
        var anchor = clock.GetUtcNow();
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();

        for (var n = 1; n <= 4; n++)
        {
            clock.SetUtcNow(anchor.AddMinutes(n).AddSeconds(-1));
            await Task.Delay(300);
            Assert.Equal(n - 1, (await OutboxAsync(app, email)).Count);

            clock.SetUtcNow(anchor.AddMinutes(n));
            var outbox = await WaitForOutboxAsync(app, email, n);
            Assert.Equal($"assessment-{n + 1}", outbox[^1].TemplateKey);
        }

        await Task.Delay(300);
        var messages = await OutboxAsync(app, email);
        Assert.Equal(4, messages.Count);
        var steps = await StepsAsync(app, email);
        Assert.All(steps.Skip(1), s =>
        {
            Assert.Equal((StepStatus.Sent, (SentBy?)SentBy.Scheduler, 1), (s.Status, s.SentBy, s.Attempts));
            Assert.Equal(messages.Single(m => m.StepId == s.Id).MessageId, s.ProviderMessageId);
        });
        var sequence = await app.WithDbAsync(db => db.Sequences.SingleAsync(q => q.Contact!.Email == email));
        Assert.Equal(SequenceStatus.Completed, sequence.Status);
        using var vars = JsonDocument.Parse(messages[0].VariablesJson);
        Assert.Equal("Sarah", vars.RootElement.GetProperty("first_name").GetString());
        Assert.Equal("CRITICAL", vars.RootElement.GetProperty("segment").GetString());
        Assert.Equal("14700", vars.RootElement.GetProperty("revenue_leak_total").GetString());
    }

    [Fact]
    public async Task ALaterEmail_RendersWithTheContactsLatestData()
    {
        var clock = NewClock();
        await using var app = await TestApp.StartAsync(clock, settings: Testing);
        var email = $"t{Guid.NewGuid():N}@example.com";
        var anchor = clock.GetUtcNow();
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();
        var update = Fixtures.Webhooks.Signup(email);
        update["first_name"] = "Sally";
        (await app.PostWebhookAsync("signup-handler", update)).EnsureSuccessStatusCode();

        clock.SetUtcNow(anchor.AddMinutes(1));
        var message = (await WaitForOutboxAsync(app, email, 1))[0];
        using var vars = JsonDocument.Parse(message.VariablesJson);
        Assert.Equal("Sally", vars.RootElement.GetProperty("first_name").GetString());
    }

    [Fact]
    public async Task AJobForACancelledOrAlreadySentStep_DoesNothing()
    {
        var clock = NewClock();
        await using var app = await TestApp.StartAsync(clock, settings: Testing);
        var email = $"t{Guid.NewGuid():N}@example.com";
        var anchor = clock.GetUtcNow();
        var started = await TestApp.JsonAsync(await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email)));
        clock.SetUtcNow(anchor.AddMinutes(1));
        await WaitForOutboxAsync(app, email, 1);
        (await app.Api.PostAsync($"/api/sequences/{started.GetProperty("sequenceId").GetInt64()}/cancel", null)).EnsureSuccessStatusCode();
        clock.SetUtcNow(anchor.AddMinutes(10));

        var job = app.Services.GetRequiredService<SendStepJob>();
        foreach (var step in await StepsAsync(app, email))
        {
            await job.RunAsync(step.Id, CancellationToken.None);
            await job.RunAsync(step.Id, CancellationToken.None);
        }

        Assert.Single(await OutboxAsync(app, email));
        Assert.Equal(["sent", "sent", "cancelled", "cancelled", "cancelled"],
            (await StepsAsync(app, email)).Select(s => s.Status.ToString().ToLowerInvariant()));
    }

    [Fact]
    public async Task AStepOfASuppressedContact_IsCancelledAtSendTime()
    {
        var clock = NewClock();
        await using var app = await TestApp.StartAsync(clock, settings: Testing);
        var email = $"t{Guid.NewGuid():N}@example.com";
        var anchor = clock.GetUtcNow();
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Contacts SET Status = 'Unsubscribed' WHERE Email = {email}"));

        clock.SetUtcNow(anchor.AddMinutes(1));
        var step = await Eventually.WaitAsync(async () => (await StepsAsync(app, email))[1], s => s.Status != StepStatus.Scheduled && s.Status != StepStatus.Sending,
            SendBound, "step #2 settled");
        Assert.Equal((StepStatus.Cancelled, "contact is unsubscribed"), (step.Status, step.LastError));
        Assert.Empty(await OutboxAsync(app, email));
    }

    [Fact]
    public async Task AResend_IsANewSendWithItsOwnKey()
    {
        var clock = NewClock();
        await using var app = await TestApp.StartAsync(clock, settings: Testing);
        var email = $"t{Guid.NewGuid():N}@example.com";
        var anchor = clock.GetUtcNow();
        (await app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email))).EnsureSuccessStatusCode();
        clock.SetUtcNow(anchor.AddMinutes(1));
        var first = (await WaitForOutboxAsync(app, email, 1))[0];

        var response = await app.Api.PostAsync($"/api/steps/{first.StepId}/resend", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await WaitForOutboxAsync(app, email, 2);
        Assert.Equal(first.StepId, messages[1].StepId);
        Assert.NotEqual(first.IdempotencyKey, messages[1].IdempotencyKey);
        var step = (await app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}")).GetProperty("sequences")[0].GetProperty("steps")[1];
        Assert.Equal(("sent", messages[1].MessageId), (step.GetProperty("status").GetString(), step.GetProperty("providerMessageId").GetString()));
    }
}
