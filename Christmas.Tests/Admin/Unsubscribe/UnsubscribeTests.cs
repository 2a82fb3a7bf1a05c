using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Unsubscribe;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Unsubscribe;

/// <summary>The unsubscribe link (RFC 8058) over real HTTP, as a mailbox provider and a person use it.</summary>
public class UnsubscribeTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private async Task<(string Email, string Url)> ContactWithSequenceAsync()
    {
        var email = $"u{Guid.NewGuid():N}@example.com";
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email))).EnsureSuccessStatusCode();
        var id = await App.WithDbAsync(db => db.Contacts.Where(c => c.Email == email).Select(c => c.Id).SingleAsync());
        return (email, await App.Services.GetRequiredService<UnsubscribeTokens>().UrlAsync(id, CancellationToken.None));
    }

    private Task<Contact> ContactAsync(string email) => App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));

    private static HttpClient NewBrowserlessClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    [Fact]
    public async Task Get_ShowsAConfirmationPage_AndUnsubscribesNobody()
    {
        var (email, url) = await ContactWithSequenceAsync();
        var page = await App.Anonymous.GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\">", html);
        Assert.Contains(email[..2] + "***@example.com", html);
        Assert.DoesNotContain(email, html);
        Assert.Equal(ContactStatus.Active, (await ContactAsync(email)).Status);
    }

    [Fact]
    public async Task OneClickPost_Unsubscribes_EndsEverySequence_Answers200WithoutRedirect_AndIsIdempotent()
    {
        var (email, url) = await ContactWithSequenceAsync();
        using var provider = NewBrowserlessClient();
        provider.BaseAddress = App.BaseAddress;
        var body = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

        var first = await provider.PostAsync(new Uri(url).PathAndQuery, body());
        var again = await provider.PostAsync(new Uri(url).PathAndQuery, body());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var contact = await ContactAsync(email);
        Assert.Equal(ContactStatus.Unsubscribed, contact.Status);
        Assert.NotNull(contact.SuppressedAt);
        var sequence = await App.WithDbAsync(db => db.Sequences.Include(s => s.Steps).SingleAsync(s => s.ContactId == contact.Id));
        Assert.Equal((SequenceStatus.Cancelled, "unsubscribed"), (sequence.Status, sequence.EndedReason));
        Assert.All(sequence.Steps.Where(s => s.Number > 1), s => Assert.Equal(StepStatus.Cancelled, s.Status));
    }

    [Fact]
    public async Task OneClickPost_PutsTheAddressOnTheSuppressionList_AsUnsubscribedByTheLink()
    {
        var (email, url) = await ContactWithSequenceAsync();
        using var provider = NewBrowserlessClient();
        provider.BaseAddress = App.BaseAddress;

        (await provider.PostAsync(new Uri(url).PathAndQuery, null)).EnsureSuccessStatusCode();

        var list = await App.Api.GetFromJsonAsync<JsonElement>($"/api/suppressions?search={email}");
        var entry = Assert.Single(list.GetProperty("results").EnumerateArray());
        Assert.Equal((email, "unsubscribed", UnsubscribeService.Source),
            (entry.GetProperty("email").GetString(), entry.GetProperty("reason").GetString(), entry.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task AnUnsubscribedContact_CannotBeSentAStepByHand()
    {
        var (email, url) = await ContactWithSequenceAsync();
        (await App.Anonymous.PostAsync(new Uri(url).PathAndQuery, null)).EnsureSuccessStatusCode();
        var stepId = await App.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.Contact!.Email == email && s.Number == 2).Select(s => s.Id).SingleAsync());

        var resend = await App.Api.PostAsync($"/api/steps/{stepId}/resend", null);
        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);
        Assert.Contains("unsubscribed", (await TestApp.JsonAsync(resend)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ATamperedOrForgedLink_Answers404_AndChangesNothing(string token)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous.GetAsync($"/u/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous.PostAsync($"/u/{token}", null)).StatusCode);
    }

    [Fact]
    public async Task ALinkForAnotherContact_CannotBeMadeByChangingTheId()
    {
        var (_, url) = await ContactWithSequenceAsync();
        var token = new Uri(url).Segments[^1];
        var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token);
        bytes[7] ^= 1;
        var forged = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous.PostAsync($"/u/{forged}", null)).StatusCode);
    }

    [Fact]
    public async Task TheLinkKeepsWorkingAfterARestart_BecauseTheSecretIsStoredOnce()
    {
        var directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string url;
            string email = $"r{Guid.NewGuid():N}@example.com";
            await using (var first = await TestApp.StartAsync(dataDirectory: directory))
            {
                (await first.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email))).EnsureSuccessStatusCode();
                var id = await first.WithDbAsync(db => db.Contacts.Where(c => c.Email == email).Select(c => c.Id).SingleAsync());
                url = await first.Services.GetRequiredService<UnsubscribeTokens>().UrlAsync(id, CancellationToken.None);
            }
            await using var second = await TestApp.StartAsync(dataDirectory: directory);
            Assert.Equal(HttpStatusCode.OK, (await second.Anonymous.PostAsync(new Uri(url).PathAndQuery, null)).StatusCode);
            Assert.Equal(ContactStatus.Unsubscribed, (await second.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email))).Status);
        }
        finally
        {
            TestApp.DeleteDirectory(directory);
        }
    }
}
