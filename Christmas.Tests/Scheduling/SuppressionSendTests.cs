using System.Net.Http.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Scheduling;

/// <summary>A suppressed address gets nothing, on fake time, in testing mode (email #2 due one minute after the anchor).</summary>
public sealed class SuppressionSendTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _email = $"t{Guid.NewGuid():N}@example.com";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(_clock, settings: new Dictionary<string, string?> { ["Campaign:TestingMode"] = "true" });
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), _email))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Step> StepTwoAsync() =>
        _app.WithDbAsync(db => db.Steps.SingleAsync(s => s.Sequence!.Contact!.Email == _email && s.Number == 2));

    private async Task AssertNothingSentAsync()
    {
        await Task.Delay(500);
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == _email)));
    }

    [Fact]
    public async Task ASuppressionFromTheApi_CancelsTheDueStep_WithTheReason_AndNothingReachesTheOutbox()
    {
        (await _app.Api.PostAsJsonAsync("/api/suppressions", new { email = _email })).EnsureSuccessStatusCode();

        _clock.Advance(TimeSpan.FromMinutes(2));

        await AssertNothingSentAsync();
        var step = await StepTwoAsync();
        Assert.Equal((StepStatus.Cancelled, "suppressed", 0), (step.Status, step.LastError, step.Attempts));
    }

    [Fact]
    public async Task AListedAddress_WhoseContactMissedTheChange_IsStoppedAtSendTime_WithTheSuppressionsReason()
    {
        // As if an add was interrupted between the list and the contact: only the send-time check stands in the way.
        await _app.WithDbAsync(async db =>
        {
            db.Suppressions.Add(new Suppression(_email, SuppressionReason.Bounced, "resend: email.bounced", null, _clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(ContactStatus.Active, (await _app.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == _email))).Status);

        _clock.Advance(TimeSpan.FromMinutes(1));

        var step = await Eventually.WaitAsync(StepTwoAsync, s => s.Status != StepStatus.Scheduled && s.Status != StepStatus.Sending,
            TimeSpan.FromSeconds(5), "step #2 settled");
        Assert.Equal((StepStatus.Cancelled, "bounced"), (step.Status, step.LastError));
        await AssertNothingSentAsync();
    }
}
