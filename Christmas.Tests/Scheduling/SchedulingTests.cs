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

/// <summary>The scheduler end to end on fake time: real HTTP, a real database (SQLite, PostgreSQL), real Hangfire, the Outbox sender.</summary>
public abstract class SchedulingTests(ITestDatabase database) : IAsyncLifetime
{
    /// <summary>Due steps must leave within 5 s of their due time (issue #2); measured on the real _clock after the fake one reaches the due time.</summary>
    private static readonly TimeSpan SendBound = TimeSpan.FromSeconds(5);
    private static readonly Dictionary<string, string?> Testing = new() { ["Campaign:TestingMode"] = "true" };

    // Each test gets its own app on its own fake clock, in testing mode, and a contact of its own.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _email = $"t{Guid.NewGuid():N}@example.com";
    private TestApp _app = null!;
    private DateTimeOffset _anchor;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync(Testing));
        _anchor = _clock.GetUtcNow();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The guide's assessment call, email #1 sent by the website "now" (the fake clock's).</summary>
    private async Task<JsonElement> StartAssessmentAsync()
    {
        var response = await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_anchor, _email));
        response.EnsureSuccessStatusCode();
        return await TestApp.JsonAsync(response);
    }

    private Task<List<OutboxMessage>> OutboxAsync() =>
        _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == _email).OrderBy(m => m.Id).ToListAsync());

    private Task<List<Step>> StepsAsync() =>
        _app.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == _email).OrderBy(s => s.Number).ToListAsync());

    private Task<List<OutboxMessage>> WaitForOutboxAsync(int count) =>
        Eventually.WaitAsync(OutboxAsync, m => m.Count >= count, SendBound, $"{count} emails in the outbox for {_email}");

    [Fact]
    public async Task InTestingMode_AssessmentEmailsTwoToFive_LeaveAtOneToFourMinutes_EachOnce()
    {
        await StartAssessmentAsync();

        for (var n = 1; n <= 4; n++)
        {
            _clock.SetUtcNow(_anchor.AddMinutes(n).AddSeconds(-1));
            await Task.Delay(300);
            Assert.Equal(n - 1, (await OutboxAsync()).Count);

            _clock.SetUtcNow(_anchor.AddMinutes(n));
            var outbox = await WaitForOutboxAsync(n);
            // The contact is CRITICAL (2 red systems): the segment's variant of the step's template is sent.
            Assert.Equal($"assessment-{n + 1}.critical", outbox[^1].TemplateKey);
        }

        await Task.Delay(300);
        var messages = await OutboxAsync();
        Assert.Equal(4, messages.Count);
        var steps = await StepsAsync();
        Assert.All(steps.Skip(1), s =>
        {
            Assert.Equal((StepStatus.Sent, (SentBy?)SentBy.Scheduler, 1), (s.Status, s.SentBy, s.Attempts));
            Assert.Equal(messages.Single(m => m.StepId == s.Id).MessageId, s.ProviderMessageId);
        });
        var sequence = await _app.WithDbAsync(db => db.Sequences.SingleAsync(q => q.Contact!.Email == _email));
        Assert.Equal(SequenceStatus.Completed, sequence.Status);
        using var vars = JsonDocument.Parse(messages[0].VariablesJson);
        Assert.Equal("Sarah", vars.RootElement.GetProperty("first_name").GetString());
        Assert.Equal("CRITICAL", vars.RootElement.GetProperty("segment").GetString());
        Assert.Equal("14700", vars.RootElement.GetProperty("revenue_leak_total").GetString());
    }

    [Fact]
    public async Task TheOutboxHoldsTheRenderedEmail_WithUnsubscribeHeadersLinkAndFooter()
    {
        await StartAssessmentAsync();
        _clock.SetUtcNow(_anchor.AddMinutes(1));
        var message = (await WaitForOutboxAsync(1))[0];

        using var headers = JsonDocument.Parse(message.HeadersJson);
        using var vars = JsonDocument.Parse(message.VariablesJson);
        var unsubscribe = vars.RootElement.GetProperty("unsubscribe_url").GetString()!;
        Assert.StartsWith("http://localhost:8080/u/", unsubscribe);
        Assert.Equal($"<{unsubscribe}>", headers.RootElement.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.RootElement.GetProperty("List-Unsubscribe-Post").GetString());
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.DoesNotContain("{{", message.Subject + message.Html + message.Text);
        Assert.Contains("Sarah", message.Html);
        Assert.Contains($"href=\"{unsubscribe}\"", message.Html);
        Assert.Contains($"Unsubscribe: {unsubscribe}", message.Text);

        var listed = await _app.Api.GetFromJsonAsync<JsonElement>($"/api/outbox?to={_email}");
        Assert.Equal(message.Subject, listed.GetProperty("results")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task ALaterEmail_RendersWithTheContactsLatestData()
    {
        await StartAssessmentAsync();
        var update = Fixtures.Webhooks.Signup(_email);
        update["first_name"] = "Sally";
        (await _app.PostWebhookAsync("signup-handler", update)).EnsureSuccessStatusCode();

        _clock.SetUtcNow(_anchor.AddMinutes(1));
        var message = (await WaitForOutboxAsync(1))[0];
        using var vars = JsonDocument.Parse(message.VariablesJson);
        Assert.Equal("Sally", vars.RootElement.GetProperty("first_name").GetString());
    }

    [Fact]
    public async Task AJobForACancelledOrAlreadySentStep_DoesNothing()
    {
        var started = await StartAssessmentAsync();
        _clock.SetUtcNow(_anchor.AddMinutes(1));
        await WaitForOutboxAsync(1);
        (await _app.Api.PostAsync($"/api/sequences/{started.GetProperty("sequenceId").GetInt64()}/cancel", null)).EnsureSuccessStatusCode();
        _clock.SetUtcNow(_anchor.AddMinutes(10));

        var job = _app.Services.GetRequiredService<SendStepJob>();
        foreach (var step in await StepsAsync())
        {
            await job.RunAsync(step.Id, CancellationToken.None);
            await job.RunAsync(step.Id, CancellationToken.None);
        }

        Assert.Single(await OutboxAsync());
        Assert.Equal(["sent", "sent", "cancelled", "cancelled", "cancelled"],
            (await StepsAsync()).Select(s => s.Status.ToString().ToLowerInvariant()));
    }

    [Fact]
    public async Task AfterTheUnsubscribeLinkOfAnEmail_NoFurtherEmailGoesOut()
    {
        await StartAssessmentAsync();
        _clock.SetUtcNow(_anchor.AddMinutes(1));
        var first = (await WaitForOutboxAsync(1))[0];
        using var vars = JsonDocument.Parse(first.VariablesJson);
        var link = new Uri(vars.RootElement.GetProperty("unsubscribe_url").GetString()!);

        (await _app.Anonymous.PostAsync(link.PathAndQuery, null)).EnsureSuccessStatusCode();
        _clock.SetUtcNow(_anchor.AddMinutes(5));
        await Task.Delay(1000);

        Assert.Single(await OutboxAsync());
        Assert.Equal(["sent", "sent", "cancelled", "cancelled", "cancelled"],
            (await StepsAsync()).Select(s => s.Status.ToString().ToLowerInvariant()));
    }

    [Fact]
    public async Task AStepOfAContactSuppressedMeanwhile_IsCancelledAtSendTime()
    {
        await StartAssessmentAsync();
        // Suppressed behind the sequence's back (as a later bounce or complaint may do): the send-time check must catch it.
        await _app.WithDbAsync(db => db.Contacts.Where(c => c.Email == _email).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, Christmas.Core.Contacts.ContactStatus.Unsubscribed)));

        _clock.SetUtcNow(_anchor.AddMinutes(1));
        var step = await Eventually.WaitAsync(async () => (await StepsAsync())[1], s => s.Status != StepStatus.Scheduled && s.Status != StepStatus.Sending,
            SendBound, "step #2 settled");
        Assert.Equal((StepStatus.Cancelled, "contact is unsubscribed"), (step.Status, step.LastError));
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task AResend_IsANewSendWithItsOwnKey()
    {
        await StartAssessmentAsync();
        _clock.SetUtcNow(_anchor.AddMinutes(1));
        var first = (await WaitForOutboxAsync(1))[0];
        // The outbox row is written as the provider accepts it, the step is marked sent just after:
        // a re-send asked for in between is refused (409, still sending), as it should be.
        await Eventually.WaitAsync(async () => (await StepsAsync())[1], s => s.Status == StepStatus.Sent, SendBound, "step #2 sent");

        var response = await _app.Api.PostAsync($"/api/steps/{first.StepId}/resend", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await WaitForOutboxAsync(2);
        Assert.Equal(first.StepId, messages[1].StepId);
        Assert.NotEqual(first.IdempotencyKey, messages[1].IdempotencyKey);
        // The outbox keeps the message as the provider accepts it; the step records the send just after.
        var step = await Eventually.WaitAsync(
            async () => (await _app.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{_email}")).GetProperty("sequences")[0].GetProperty("steps")[1],
            s => s.GetProperty("status").GetString() != "sending", SendBound, "the resend recorded on the step");
        Assert.Equal(("sent", messages[1].MessageId), (step.GetProperty("status").GetString(), step.GetProperty("providerMessageId").GetString()));
    }
}

public sealed class SchedulingOnSqlite() : SchedulingTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class SchedulingOnPostgres(Fixtures.Postgres.PostgresServer postgres) : SchedulingTests(postgres);
