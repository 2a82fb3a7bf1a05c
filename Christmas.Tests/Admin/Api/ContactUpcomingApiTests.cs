using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Admin.Api;

/// <summary>GET /api/contacts/{email}'s "upcoming" and "wouldSkipBecause" (DESIGN "Operator tools"), over real HTTP on fake time.</summary>
public sealed class ContactUpcomingApiTests : IAsyncDisposable
{
    // 03:00 UTC is 22:00 in Toronto (EST): inside the 21:00-08:00 quiet hours there.
    private static readonly DateTimeOffset Anchor = new(2027, 1, 5, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Anchor.AddMinutes(1));
    private readonly string _email = $"n{Guid.NewGuid():N}@example.com";
    private TestApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null) =>
        _app = await TestApp.StartAsync(_clock, settings: settings);

    private async Task<JsonElement> ContactAsync(string email) => await TestApp.JsonAsync(await _app!.Api.GetAsync($"/api/contacts/{email}"));

    private async Task PostAsync(string handler, Dictionary<string, object?> body) => (await _app!.PostWebhookAsync(handler, body)).EnsureSuccessStatusCode();

    private static List<JsonElement> Upcoming(JsonElement contact) => contact.GetProperty("upcoming").EnumerateArray().ToList();

    private static IEnumerable<JsonElement> PendingSteps(JsonElement contact) => contact.GetProperty("sequences").EnumerateArray()
        .SelectMany(q => q.GetProperty("steps").EnumerateArray()).Where(s => s.GetProperty("status").GetString() == "scheduled");

    [Fact]
    public async Task Upcoming_ListsEverySequencesPendingEmails_InTimeOrder_AfterQuietHours_WithTheSubjectTheSendThenUses()
    {
        await StartAsync(new() { ["Campaign:QuietHours"] = "21:00-08:00" });
        var assessment = Fixtures.Webhooks.Assessment(Anchor, _email);
        assessment["timezone"] = "America/Toronto";
        await PostAsync("assessment-handler", assessment);
        await PostAsync("noshow-recovery-handler", Fixtures.Webhooks.Noshow(Anchor, _email));

        var contact = await ContactAsync(_email);

        var upcoming = Upcoming(contact);
        Assert.Equal(7, upcoming.Count);
        var times = upcoming.Select(u => u.GetProperty("sendAt").GetDateTime()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(["assessment", "noshow"], upcoming.Select(u => u.GetProperty("sequenceKind").GetString()).Distinct().Order());
        // Due at 03:05 and 03:00 UTC (22:05 and 22:00 in Toronto), no-show #1 and assessment #2 go when the quiet hours end, 08:00 there.
        var first = upcoming[0];
        Assert.Equal(("noshow", 1, "noshow-1"),
            (first.GetProperty("sequenceKind").GetString(), first.GetProperty("number").GetInt32(), first.GetProperty("templateKey").GetString()));
        Assert.Equal(new DateTime(2027, 1, 5, 13, 0, 0, DateTimeKind.Utc), times[0]);
        var assessment2 = upcoming.Single(u => u.GetProperty("sequenceKind").GetString() == "assessment" && u.GetProperty("number").GetInt32() == 2);
        Assert.Equal(new DateTime(2027, 1, 6, 13, 0, 0, DateTimeKind.Utc), assessment2.GetProperty("sendAt").GetDateTime());
        Assert.All(upcoming, u =>
        {
            var subject = u.GetProperty("subject").GetString();
            Assert.False(string.IsNullOrWhiteSpace(subject));
            Assert.DoesNotContain("{{", subject);
            Assert.Equal(JsonValueKind.Null, u.GetProperty("wouldSkipBecause").ValueKind);
        });
        Assert.All(PendingSteps(contact), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("wouldSkipBecause").ValueKind));

        // Asking changed nothing: no message kept on a step, nothing in the Outbox.
        Assert.Equal(0, await _app!.WithDbAsync(db => db.Steps.CountAsync(s => s.Sequence!.Contact!.Email == _email && s.MessageJson != null)));
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == _email)));

        // The real send at that time carries exactly the subject shown.
        _clock.SetUtcNow(times[0]);
        var sent = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == _email).ToListAsync()),
            m => m.Count == 1, TimeSpan.FromSeconds(10), "the first upcoming email in the Outbox");
        Assert.Equal(first.GetProperty("subject").GetString(), sent[0].Subject);
        await Eventually.WaitAsync(() => ContactAsync(_email), c => Upcoming(c).Count == 6, TimeSpan.FromSeconds(10), "the sent email gone from upcoming");
    }

    [Fact]
    public async Task WouldSkipBecause_NamesTheSuppression_WhenTheAddressIsListedButItsEmailsAreStillScheduled()
    {
        await StartAsync();
        await PostAsync("assessment-handler", Fixtures.Webhooks.Assessment(Anchor, _email));
        // The list's entry without its contact's update (an add interrupted, or racing the send): the send-time check stops the rest.
        await _app!.WithDbAsync(async db =>
        {
            db.Suppressions.Add(new Suppression(_email, SuppressionReason.Bounced, "resend: email.bounced", null, _clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        var contact = await ContactAsync(_email);

        var upcoming = Upcoming(contact);
        Assert.Equal(4, upcoming.Count);
        Assert.All(upcoming, u => Assert.Equal("bounced", u.GetProperty("wouldSkipBecause").GetString()));
        Assert.All(PendingSteps(contact), s => Assert.Equal("bounced", s.GetProperty("wouldSkipBecause").GetString()));
        // Steps already done carry no reason.
        var website = contact.GetProperty("sequences")[0].GetProperty("steps")[0];
        Assert.Equal(("sent", JsonValueKind.Null), (website.GetProperty("status").GetString(), website.GetProperty("wouldSkipBecause").ValueKind));
    }

    [Fact]
    public async Task WouldSkipBecause_SaysTheSequenceEnded_WhenItsStepsAreStillScheduled_AndTheSendAgrees()
    {
        await StartAsync(new() { ["Campaign:TestingMode"] = "true" });
        await PostAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), _email));
        // Ended without its steps being cancelled (a cancel racing a claim): the send's own check must stop them.
        await _app!.WithDbAsync(db => db.Sequences.Where(s => s.Contact!.Email == _email)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SequenceStatus.Cancelled)));

        var contact = await ContactAsync(_email);

        Assert.All(Upcoming(contact), u => Assert.Equal("sequence is cancelled", u.GetProperty("wouldSkipBecause").GetString()));
        Assert.Equal(4, PendingSteps(contact).Count(s => s.GetProperty("wouldSkipBecause").GetString() == "sequence is cancelled"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var step = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Steps.SingleAsync(s => s.Sequence!.Contact!.Email == _email && s.Number == 2)),
            s => s.Status is not (StepStatus.Scheduled or StepStatus.Sending), TimeSpan.FromSeconds(10), "email #2 handled");
        Assert.Equal((StepStatus.Cancelled, "sequence is cancelled"), (step.Status, step.LastError));
    }

    [Fact]
    public async Task Upcoming_IsEmpty_ForAContactWithNothingScheduled()
    {
        await StartAsync();
        await PostAsync("signup-handler", Fixtures.Webhooks.Signup(_email));

        Assert.Empty(Upcoming(await ContactAsync(_email)));
    }
}
