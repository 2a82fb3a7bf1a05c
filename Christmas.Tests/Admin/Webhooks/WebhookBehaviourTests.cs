using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>What each webhook stores and answers, with the guide's payloads over real HTTP.</summary>
public abstract class WebhookBehaviourTests
{
    protected abstract TestApp App { get; }
    private static string NewEmail() => $"c{Guid.NewGuid():N}@example.com";
    // Per test (xunit makes an instance per test): a class-wide value ages while other tests run, until
    // a no-show's first email falls due and is mid-send when the test expects to cancel it.
    private readonly DateTimeOffset RecentAnchor = DateTimeOffset.UtcNow.AddMinutes(-1);

    private async Task<JsonElement> PostOkAsync(string handler, object body)
    {
        var response = await App.PostWebhookAsync(handler, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.JsonAsync(response);
    }

    private Task<Sequence[]> SequencesOfAsync(string email) => App.WithDbAsync(db =>
        db.Sequences.Include(s => s.Steps).Where(s => s.Contact!.Email == email).OrderBy(s => s.Id).ToArrayAsync());

    [Fact]
    public async Task TheGuidesCurlBodies_AreAccepted_WithAKestraLikeExecution()
    {
        var signup = await App.Anonymous.PostAsync(Fixtures.Webhooks.Url("signup-handler"), Json("""
            {
                "email": "lengobaosang@gmail.com",
                "first_name": "Test",
                "business_name": "Test Business"
              }
            """));
        Assert.Equal(HttpStatusCode.OK, signup.StatusCode);

        var sentAt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var assessment = await App.Anonymous.PostAsync(Fixtures.Webhooks.Url("assessment-handler"), Json($$"""
            {
                "email": "lengobaosang@gmail.com",
                "first_name": "Test",
                "business_name": "Test Business",
                "red_systems": 2,
                "orange_systems": 1,
                "yellow_systems": 2,
                "green_systems": 3,
                "weakest_system_1": "GPS",
                "revenue_leak_total": 14700,
                "email_1_sent_at": "{{sentAt}}",
                "email_1_status": "sent"
              }
            """));
        Assert.Equal(HttpStatusCode.OK, assessment.StatusCode);
        var body = await TestApp.JsonAsync(assessment);
        Assert.Equal(22, body.GetProperty("id").GetString()!.Length);
        Assert.Equal("christmas.handlers", body.GetProperty("namespace").GetString());
        Assert.Equal("assessment-handler", body.GetProperty("flowId").GetString());
        Assert.Equal("SUCCESS", body.GetProperty("state").GetProperty("current").GetString());
        Assert.True(body.GetProperty("sequenceId").GetInt64() > 0);
        Assert.Equal(JsonValueKind.False, body.GetProperty("deduplicated").ValueKind);
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Signup_UpsertsTheContact_AndStartsNoSequence()
    {
        var email = NewEmail();
        var body = await PostOkAsync("signup-handler", Fixtures.Webhooks.Signup(email.ToUpperInvariant()));

        Assert.Equal(JsonValueKind.Null, body.GetProperty("sequenceId").ValueKind);
        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal("Sarah's Salon", contact.BusinessName);
        Assert.Empty(await SequencesOfAsync(email));
    }

    [Fact]
    public async Task Assessment_IsCommittedBeforeThe200_WithEmailOneSentByTheWebsite_AndFourScheduledSteps()
    {
        var email = NewEmail();
        var body = await PostOkAsync("assessment-handler", Fixtures.Webhooks.Assessment(RecentAnchor, email));

        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal(Segment.Critical, contact.Segment);
        Assert.Equal(14700m, contact.RevenueLeakTotal);
        var sequence = Assert.Single(await SequencesOfAsync(email));
        Assert.Equal(body.GetProperty("sequenceId").GetInt64(), sequence.Id);
        Assert.Equal(SequenceMode.Production, sequence.Mode);
        var steps = sequence.Steps.OrderBy(s => s.Number).ToList();
        Assert.Equal((StepStatus.Sent, (SentBy?)SentBy.Website), (steps[0].Status, steps[0].SentBy));
        var anchor = RecentAnchor.UtcDateTime;
        var anchorSeconds = new DateTime(anchor.Ticks - anchor.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        Assert.Equal([24, 72, 96, 120], steps.Skip(1).Select(s => (s.DueAt - anchorSeconds).TotalHours));
        Assert.All(steps.Skip(1), s => Assert.Equal(StepStatus.Scheduled, s.Status));
        var execution = await App.WithDbAsync(db => db.Executions.SingleAsync(e => e.Id == body.GetProperty("id").GetString()));
        Assert.Equal(sequence.Id, execution.SequenceId);
    }

    [Fact]
    public async Task ARepeatedAssessment_UpdatesTheContact_AndStartsNoSecondSequence()
    {
        var email = NewEmail();
        var first = await PostOkAsync("assessment-handler", Fixtures.Webhooks.Assessment(RecentAnchor, email));
        var again = Fixtures.Webhooks.Assessment(RecentAnchor, email);
        again["first_name"] = "Sara";
        again["red_systems"] = 0;
        again["orange_systems"] = 0;
        again["green_systems"] = 6;
        var second = await PostOkAsync("assessment-handler", again);

        Assert.True(second.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(first.GetProperty("sequenceId").GetInt64(), second.GetProperty("sequenceId").GetInt64());
        Assert.Single(await SequencesOfAsync(email));
        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal("Sara", contact.FirstName);
        Assert.Equal(Segment.Optimize, contact.Segment);
    }

    [Fact]
    public async Task ACallWithoutOptionalFields_KeepsTheContactsEarlierData()
    {
        var email = NewEmail();
        await PostOkAsync("assessment-handler", Fixtures.Webhooks.Assessment(RecentAnchor, email));
        var noshow = Fixtures.Webhooks.Noshow(RecentAnchor, email);
        noshow["first_name"] = "Sal";
        await PostOkAsync("noshow-recovery-handler", noshow);

        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal(("Sal", "Sarah's Salon", Segment.Critical, 2, "GPS"),
            (contact.FirstName, contact.BusinessName, contact.Segment, contact.RedSystems, contact.WeakestSystem1));
    }

    [Fact]
    public async Task MissingAnchor_StillSucceeds_WithAWarningInTheBodyAndTheLogs()
    {
        var email = NewEmail();
        var payload = Fixtures.Webhooks.Assessment(RecentAnchor, email);
        payload.Remove("email_1_sent_at");
        var before = DateTime.UtcNow;
        var body = await PostOkAsync("assessment-handler", payload);

        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("email_1_sent_at is missing", warning);
        var sequence = Assert.Single(await SequencesOfAsync(email));
        Assert.InRange(sequence.AnchorAt, before.AddSeconds(-1), DateTime.UtcNow);
        var logs = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{body.GetProperty("id").GetString()}/logs");
        Assert.Contains(logs.EnumerateArray(), l => l.GetProperty("level").GetString() == "WARN");
    }

    [Fact]
    public async Task EmailOneNotSent_IsStoredSkippedWithTheReportedStatus()
    {
        var email = NewEmail();
        var payload = Fixtures.Webhooks.Assessment(RecentAnchor, email);
        payload["email_1_status"] = "bounced";
        var body = await PostOkAsync("assessment-handler", payload);

        Assert.Single(body.GetProperty("warnings").EnumerateArray());
        var first = Assert.Single(await SequencesOfAsync(email)).Steps.Single(s => s.Number == 1);
        Assert.Equal(StepStatus.Skipped, first.Status);
        Assert.Contains("bounced", first.LastError);
    }

    [Fact]
    public async Task AnOldAnchor_SkipsStepsOverdueBeyondTheGrace_WarnsWhy_AndTheSequenceIsSkippedNotCompleted()
    {
        var email = NewEmail();
        // The guide's own example date: long past, so every step is overdue by more than 12 h.
        var anchor = new DateTimeOffset(2025, 12, 1, 10, 30, 0, TimeSpan.Zero);
        var answer = await PostOkAsync("assessment-handler", Fixtures.Webhooks.Assessment(anchor, email));

        var days = (int)Math.Floor((DateTime.UtcNow - anchor.UtcDateTime).TotalDays);
        var warning = Assert.Single(answer.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("No email will be sent"));
        Assert.Equal($"No email will be sent: every email is past Campaign:OverdueGrace (12 h): the anchor 2025-12-01 is {days} days ago.", warning.GetString());
        var sequence = Assert.Single(await SequencesOfAsync(email));
        Assert.All(sequence.Steps.Where(s => s.Number > 1), s => Assert.Equal((StepStatus.Skipped, "overdue"), (s.Status, s.LastError)));
        // Email #1 was the website's: we sent nothing, so nothing shows green.
        Assert.Equal((SequenceStatus.Skipped, "nothing sent: overdue"), (sequence.Status, sequence.EndedReason));

        var contact = await TestApp.JsonAsync(await App.Api.GetAsync($"/api/contacts/{email}"));
        var view = Assert.Single(contact.GetProperty("sequences").EnumerateArray());
        Assert.Equal("skipped", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AWebsiteThatFixesItsDates_GetsASequenceThatSends_NotADedupeOntoTheSkippedOne_WhileAStaleRepeatStaysDeduplicated()
    {
        var email = NewEmail();
        var stale = Fixtures.Webhooks.Assessment(new DateTimeOffset(2025, 12, 1, 10, 30, 0, TimeSpan.Zero), email);
        var skippedId = (await PostOkAsync("assessment-handler", stale)).GetProperty("sequenceId").GetInt64();

        var repeat = await PostOkAsync("assessment-handler", stale);
        Assert.True(repeat.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(skippedId, repeat.GetProperty("sequenceId").GetInt64());

        var fixedCall = await PostOkAsync("assessment-handler", Fixtures.Webhooks.Assessment(RecentAnchor, email));
        Assert.False(fixedCall.GetProperty("deduplicated").GetBoolean());
        Assert.Empty(fixedCall.GetProperty("warnings").EnumerateArray());
        var sequences = await SequencesOfAsync(email);
        Assert.Equal([(skippedId, SequenceStatus.Skipped), (fixedCall.GetProperty("sequenceId").GetInt64(), SequenceStatus.Active)],
            sequences.Select(s => (s.Id, s.Status)));
        Assert.Equal(4, sequences[1].Steps.Count(s => s.Status == StepStatus.Scheduled));
    }

    [Fact]
    public async Task Noshow_IsOnePerCalendlyEvent()
    {
        var email = NewEmail();
        await PostOkAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(RecentAnchor, email, "evt_1"));
        var repeat = await PostOkAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(RecentAnchor, email, "evt_1"));
        await PostOkAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(RecentAnchor, email, "evt_2"));

        Assert.True(repeat.GetProperty("deduplicated").GetBoolean());
        var sequences = await SequencesOfAsync(email);
        Assert.Equal(2, sequences.Length);
        Assert.All(sequences, s => Assert.Equal(3, s.Steps.Count));
    }

    [Fact]
    public async Task Postcall_EndsAnActiveNoshow_AndOnboardingEndsBoth_AsConverted()
    {
        var email = NewEmail();
        await PostOkAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(RecentAnchor, email));
        await PostOkAsync("postcall-maybe-handler", Fixtures.Webhooks.Postcall(RecentAnchor, email));

        var afterPostcall = await SequencesOfAsync(email);
        Assert.Equal(SequenceStatus.Cancelled, afterPostcall[0].Status);
        Assert.All(afterPostcall[0].Steps, s => Assert.Equal(StepStatus.Cancelled, s.Status));
        Assert.Equal(SequenceStatus.Active, afterPostcall[1].Status);

        await PostOkAsync("onboarding-handler", Fixtures.Webhooks.Onboarding(RecentAnchor, email));
        var afterOnboarding = await SequencesOfAsync(email);
        Assert.Equal((SequenceStatus.Cancelled, "converted"), (afterOnboarding[1].Status, afterOnboarding[1].EndedReason));
        Assert.Equal(SequenceStatus.Active, afterOnboarding[2].Status);
    }

    [Fact]
    public async Task OnboardingNotPaid_UpdatesTheContact_StartsNoSequence_AndWarns()
    {
        var email = NewEmail();
        var body = await PostOkAsync("onboarding-handler", Fixtures.Webhooks.Onboarding(RecentAnchor, email, status: "pending"));

        Assert.Equal(JsonValueKind.Null, body.GetProperty("sequenceId").ValueKind);
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("payment_status"));
        Assert.Empty(await SequencesOfAsync(email));
        Assert.True(await App.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == email)));
    }

    [Fact]
    public async Task TheGuidesExamplePayloads_AreAcceptedByEveryHandler()
    {
        var email = NewEmail();
        var past = new DateTimeOffset(2025, 12, 9, 16, 30, 0, TimeSpan.Zero);
        foreach (var (handler, payload) in new (string, object)[]
        {
            ("signup-handler", Fixtures.Webhooks.Signup(email)),
            ("assessment-handler", Fixtures.Webhooks.Assessment(past, email)),
            ("noshow-recovery-handler", Fixtures.Webhooks.Noshow(past, email)),
            ("postcall-maybe-handler", Fixtures.Webhooks.Postcall(past, email)),
            ("onboarding-handler", Fixtures.Webhooks.Onboarding(past, email)),
        })
        {
            var body = await PostOkAsync(handler, payload);
            Assert.Equal(handler, body.GetProperty("flowId").GetString());
        }
    }

    [Fact]
    public async Task ConcurrentCallsForTheSameContact_CreateOneContactAndOneSequence()
    {
        var email = NewEmail();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(RecentAnchor, email))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await SequencesOfAsync(email));
        Assert.Equal(1, await App.WithDbAsync(db => db.Contacts.CountAsync(c => c.Email == email)));
        var deduplicated = 0;
        foreach (var r in responses) if ((await TestApp.JsonAsync(r)).GetProperty("deduplicated").GetBoolean()) deduplicated++;
        Assert.Equal(19, deduplicated);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

public sealed class WebhookBehaviourOnSqlite(SharedApp shared) : WebhookBehaviourTests, IClassFixture<SharedApp>
{
    protected override TestApp App => shared.App;
}

/// <summary>The same calls on PostgreSQL: one app for the class (as on SQLite), on a new database of the shared server.</summary>
[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class WebhookBehaviourOnPostgres(Fixtures.Postgres.PostgresSharedApp shared) : WebhookBehaviourTests, IClassFixture<Fixtures.Postgres.PostgresSharedApp>
{
    protected override TestApp App => shared.App;
}
