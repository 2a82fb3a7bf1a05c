using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>GET /api/contacts with the console's filters and sorts, and the CSV export, over real HTTP.</summary>
public sealed class ContactsApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    /// <summary>A unique word per test, put in every email it creates, so tests on the shared app do not see each other's contacts.</summary>
    private static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..10];

    private async Task PostAsync(string handler, Dictionary<string, object?> body) =>
        (await App.PostWebhookAsync(handler, body)).EnsureSuccessStatusCode();

    private async Task<Dictionary<string, object?>> AssessmentAsync(string email, int red, string business = "Sarah's Salon", string firstName = "Sarah")
    {
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email);
        body["red_systems"] = red;
        body["green_systems"] = 8 - red - 3;
        body["business_name"] = business;
        body["first_name"] = firstName;
        await PostAsync("assessment-handler", body);
        return body;
    }

    private async Task<List<string>> EmailsAsync(string query)
    {
        var page = await App.Api.GetFromJsonAsync<JsonElement>("/api/contacts?" + query);
        return page.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("email").GetString()!).ToList();
    }

    [Fact]
    public async Task Search_FiltersBySegmentStatusAndNoSegment_AndSortsBothWays()
    {
        var tag = NewTag();
        await AssessmentAsync($"b-{tag}@example.com", red: 2, business: "Zebra Bakery");
        await AssessmentAsync($"a-{tag}@example.com", red: 0, business: "Apple Barbers");
        await PostAsync("signup-handler", Fixtures.Webhooks.Signup($"c-{tag}@example.com"));

        Assert.Equal([$"a-{tag}@example.com", $"b-{tag}@example.com", $"c-{tag}@example.com"], await EmailsAsync($"search={tag}&sort=email"));
        Assert.Equal([$"c-{tag}@example.com", $"b-{tag}@example.com", $"a-{tag}@example.com"], await EmailsAsync($"search={tag}&sort=-email"));
        Assert.Equal([$"b-{tag}@example.com"], await EmailsAsync($"search={tag}&segment=critical"));
        Assert.Equal([$"c-{tag}@example.com"], await EmailsAsync($"search={tag}&segment=none"));
        Assert.Equal(3, (await EmailsAsync($"search={tag}&status=active")).Count);
        Assert.Empty(await EmailsAsync($"search={tag}&status=unsubscribed"));
        Assert.Equal($"a-{tag}@example.com", (await EmailsAsync($"search={tag}&sort=business&segment=optimize")).Single());
    }

    [Fact]
    public async Task Search_ReportsActiveSequencesAndTheLastEmail()
    {
        var tag = NewTag();
        await AssessmentAsync($"{tag}@example.com", red: 1);

        var page = await App.Api.GetFromJsonAsync<JsonElement>($"/api/contacts?search={tag}@example.com");

        var row = page.GetProperty("results").EnumerateArray().Single();
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(1, row.GetProperty("activeSequences").GetInt32());
        Assert.Equal(JsonValueKind.String, row.GetProperty("lastEmailAt").ValueKind); // email #1, sent by the website
        Assert.Equal("URGENT", row.GetProperty("segment").GetString());
    }

    [Theory]
    [InlineData("sort=age", "sort")]
    [InlineData("segment=HOT", "segment")]
    [InlineData("status=gone", "status")]
    public async Task Search_Answers400NamingTheField_ForABadFilterOrSort(string query, string field)
    {
        var response = await App.Api.GetAsync("/api/contacts?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestApp.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Export_IsAnAttachmentWithAHeaderRow_OnlyTheFilteredContacts_AndFormulasDefused()
    {
        var tag = NewTag();
        await AssessmentAsync($"formula-{tag}@example.com", red: 3, business: "=HYPERLINK(\"http://evil.example\")", firstName: "@SUM(A1)");
        await AssessmentAsync($"calm-{tag}@example.com", red: 0, business: "-Minus Cafe");

        var response = await App.Api.GetAsync($"/api/contacts/export.csv?search={tag}&segment=CRITICAL");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("email,first_name,business_name,segment,status,active_sequences,last_email_at", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"formula-{tag}@example.com,\"'@SUM(A1)\",\"'=HYPERLINK(\"\"http://evil.example\"\")\",CRITICAL,active,1,", row);

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "contacts.export" && e.Detail!.Contains(tag)).ToListAsync());
        Assert.Contains("1 contacts", Assert.Single(audit).Detail);
    }

    [Fact]
    public async Task Export_StreamsEveryBatch_WhenThereAreMoreContactsThanOneBatch()
    {
        var tag = NewTag();
        var count = Christmas.Core.Contacts.ContactCsvExport.BatchSize + 5;
        for (var i = 0; i < count; i += 50)
            await Task.WhenAll(Enumerable.Range(i, Math.Min(50, count - i)).Select(n => PostAsync("signup-handler", Fixtures.Webhooks.Signup($"bulk{n}-{tag}@example.com"))));

        var csv = await App.Api.GetStringAsync($"/api/contacts/export.csv?search={tag}");

        var emails = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(count, emails.Distinct().Count());
    }

    [Fact]
    public async Task Export_NeedsSignInOrTheToken()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync("/api/contacts/export.csv")).StatusCode);
    }
}
