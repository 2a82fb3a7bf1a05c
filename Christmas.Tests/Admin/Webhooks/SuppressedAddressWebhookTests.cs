using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>A webhook (or a manual trigger) for an address on the suppression list: recorded, answered 200, nothing started.</summary>
public sealed class SuppressedAddressWebhookTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private async Task<string> BouncedAddressAsync()
    {
        var email = $"w{Guid.NewGuid():N}@example.com";
        await App.Services.GetRequiredService<SuppressionList>().AddAsync(email, SuppressionReason.Bounced, "resend: email.bounced", null, CancellationToken.None);
        return email;
    }

    private async Task<List<string>> WarningsOfAsync(string executionId)
    {
        var logs = await App.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}/logs");
        return logs.EnumerateArray().Where(l => l.GetProperty("level").GetString() == "WARN" || l.GetProperty("level").GetString() == "WARNING")
            .Select(l => l.GetProperty("message").GetString()!).ToList();
    }

    [Fact]
    public async Task AWebhook_ForABouncedAddress_Answers200_WithoutSayingSo_RecordsTheContactAsBounced_AndStartsNoSequence_WithAWarningInTheLog()
    {
        var email = await BouncedAddressAsync();

        var response = await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestApp.JsonAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("sequenceId").ValueKind);
        // Anyone holding the guide's public key could otherwise probe which addresses are suppressed.
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("suppress", body.GetRawText());
        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal(ContactStatus.Bounced, contact.Status);
        Assert.NotNull(contact.SuppressedAt);
        Assert.Equal(0, await App.WithDbAsync(db => db.Sequences.CountAsync(s => s.ContactId == contact.Id)));
        var execution = await App.WithDbAsync(db => db.Executions.SingleAsync(e => e.ContactEmail == email));
        var warning = Assert.Single(await WarningsOfAsync(execution.Id), w => w.Contains("suppression list"));
        Assert.StartsWith($"{email} is on the suppression list (bounced since {DateTime.UtcNow:yyyy-MM-dd}", warning);
        Assert.EndsWith("no sequence started.", warning);
    }

    [Fact]
    public async Task AManualTrigger_ForASuppressedAddress_GoesTheSamePath_AndTellsTheOperatorWhy()
    {
        var email = await BouncedAddressAsync();
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email);
        body["handler"] = "assessment-handler";

        var response = await App.Api.PostAsJsonAsync("/api/sequences", body);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(0, await App.WithDbAsync(db => db.Sequences.CountAsync(s => s.Contact!.Email == email)));
        Assert.Contains("is on the suppression list (bounced since", await response.Content.ReadAsStringAsync());
    }
}
