using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>
/// A webhook (or a manual trigger) for an address on the suppression list: recorded, answered 200 like any other call,
/// and its sequence kept as skipped (nothing sent), so the contact's timeline says why.
/// </summary>
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
    public async Task AWebhook_ForABouncedAddress_Answers200_WithoutSayingSo_RecordsTheContactAsBounced_AndItsSequenceEndsSkipped_WithAWarningInTheLog()
    {
        var email = await BouncedAddressAsync();

        var response = await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestApp.JsonAsync(response);
        // Anyone holding the guide's public key could otherwise probe which addresses are suppressed:
        // a sequence id like any call's, and no warning.
        Assert.Equal(JsonValueKind.Number, body.GetProperty("sequenceId").ValueKind);
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("suppress", body.GetRawText());
        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal(ContactStatus.Bounced, contact.Status);
        Assert.NotNull(contact.SuppressedAt);

        var sequence = (await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}")).GetProperty("sequences").EnumerateArray().Single();
        Assert.Equal("skipped", sequence.GetProperty("status").GetString());
        Assert.Equal("nothing sent: suppressed (bounced)", sequence.GetProperty("endedReason").GetString());
        Assert.All(sequence.GetProperty("steps").EnumerateArray().Skip(1), s => Assert.Equal("skipped", s.GetProperty("status").GetString()));
        var execution = await App.WithDbAsync(db => db.Executions.SingleAsync(e => e.ContactEmail == email));
        var warning = Assert.Single(await WarningsOfAsync(execution.Id), w => w.Contains("suppression list"));
        Assert.StartsWith($"{email} is on the suppression list (bounced since {DateTime.UtcNow:yyyy-MM-dd}", warning);
        Assert.EndsWith("no email will be sent; the sequence ends skipped.", warning);
    }

    [Fact]
    public async Task OnceTakenOffTheList_TheWebsitesNextCall_StartsASequenceThatSends_InsteadOfRepeatingTheSkippedOne()
    {
        var email = await BouncedAddressAsync();
        var call = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email);
        (await App.PostWebhookAsync("assessment-handler", call)).EnsureSuccessStatusCode();
        (await App.Api.DeleteAsync($"/api/suppressions/{email}")).EnsureSuccessStatusCode();

        var again = await TestApp.JsonAsync(await App.PostWebhookAsync("assessment-handler", call));

        Assert.False(again.GetProperty("deduplicated").GetBoolean());
        var sequences = (await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts/{email}")).GetProperty("sequences").EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetInt64(), Status: s.GetProperty("status").GetString())).OrderBy(s => s.Id).ToList();
        Assert.Equal(["skipped", "active"], sequences.Select(s => s.Status));
        Assert.Equal(again.GetProperty("sequenceId").GetInt64(), sequences[1].Id);

        // The same call once more is a repeat of the sequence that sends: deduplicated onto it.
        var third = await TestApp.JsonAsync(await App.PostWebhookAsync("assessment-handler", call));
        Assert.True(third.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(sequences[1].Id, third.GetProperty("sequenceId").GetInt64());
    }

    [Fact]
    public async Task AManualTrigger_ForASuppressedAddress_GoesTheSamePath_AndTellsTheOperatorWhy()
    {
        var email = await BouncedAddressAsync();
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email);
        body["handler"] = "assessment-handler";

        var response = await App.Api.PostAsJsonAsync("/api/sequences", body);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal([SequenceStatus.Skipped], await App.WithDbAsync(db => db.Sequences.Where(s => s.Contact!.Email == email).Select(s => s.Status).ToListAsync()));
        Assert.Contains("is on the suppression list (bounced since", await response.Content.ReadAsStringAsync());
    }
}
