using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>/api/suppressions over real HTTP: list, search, paging, manual add, Admin-only removal, audit entries.</summary>
public sealed class SuppressionsApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private static string NewEmail(string tag = "s") => $"{tag}{Guid.NewGuid():N}@example.com";

    private Task<HttpResponseMessage> AddAsync(object body) => App.Api.PostAsJsonAsync("/api/suppressions", body);

    private Task<List<string>> AuditActionsAsync(string target) =>
        App.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == target).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task Add_ListsTheAddress_SuppressesTheContact_CancelsItsPendingSteps_AndIsAudited()
    {
        var email = NewEmail();
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email))).EnsureSuccessStatusCode();

        var response = await AddAsync(new { email = email.ToUpperInvariant(), reason = "manual", detail = "asked by phone" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await TestApp.JsonAsync(response);
        Assert.Equal(email, entry.GetProperty("email").GetString());
        Assert.Equal("manual", entry.GetProperty("reason").GetString());
        Assert.Equal("api-token", entry.GetProperty("source").GetString());
        Assert.Equal("asked by phone", entry.GetProperty("detail").GetString());
        Assert.EndsWith("Z", entry.GetProperty("createdAt").GetString());
        var contact = await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email));
        Assert.Equal(ContactStatus.Suppressed, contact.Status);
        var steps = await App.WithDbAsync(db => db.Steps.Where(s => s.Sequence!.ContactId == contact.Id && s.Number > 1).ToListAsync());
        Assert.All(steps, s => Assert.Equal((StepStatus.Cancelled, "suppressed"), (s.Status, s.LastError)));
        Assert.Equal(["suppression.add"], await AuditActionsAsync(email));
    }

    [Fact]
    public async Task Add_WithoutAReason_IsManual_AndAnAddressAlreadyListed_Is409WithItsReason()
    {
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(new { email })).StatusCode);

        var again = await AddAsync(new { email, reason = "manual" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("manual", (await TestApp.JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(["suppression.add"], await AuditActionsAsync(email));
    }

    [Theory]
    [InlineData("not-an-email", null, "email")]
    [InlineData("ok@example.com", "bounced", "reason")]
    public async Task Add_AnswersAProblemWithErrors_ForAnInvalidEmailOrReason(string email, string? reason, string field)
    {
        var response = await AddAsync(new { email, reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestApp.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task List_SearchesPartOfTheAddress_NewestFirst_AndPages()
    {
        var tag = "p" + Guid.NewGuid().ToString("N")[..10];
        foreach (var n in new[] { 1, 2, 3 }) (await AddAsync(new { email = $"{tag}-{n}@example.com" })).EnsureSuccessStatusCode();

        var first = await App.Api.GetFromJsonAsync<JsonElement>($"/api/suppressions?search={tag}&page=1&size=2");
        var second = await App.Api.GetFromJsonAsync<JsonElement>($"/api/suppressions?search={tag}&page=2&size=2");

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal((1, 2), (first.GetProperty("page").GetInt32(), first.GetProperty("size").GetInt32()));
        var emails = first.GetProperty("results").EnumerateArray().Concat(second.GetProperty("results").EnumerateArray())
            .Select(r => r.GetProperty("email").GetString()).ToList();
        Assert.Equal(3, emails.Distinct().Count());
        Assert.All(emails, e => Assert.Contains(tag, e));
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Api.GetAsync("/api/suppressions?size=0")).StatusCode);
    }

    [Fact]
    public async Task Remove_ByAnAdmin_ReactivatesTheContact_IsAudited_And404sWhenNotListed()
    {
        var email = NewEmail();
        (await App.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email))).EnsureSuccessStatusCode();
        (await AddAsync(new { email })).EnsureSuccessStatusCode();

        var removed = await App.Api.DeleteAsync($"/api/suppressions/{Uri.EscapeDataString(email)}");
        var again = await App.Api.DeleteAsync($"/api/suppressions/{Uri.EscapeDataString(email)}");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(ContactStatus.Active, (await App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == email))).Status);
        Assert.Equal(["suppression.add", "suppression.remove"], await AuditActionsAsync(email));
        var list = await App.Api.GetFromJsonAsync<JsonElement>($"/api/suppressions?search={email}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AddAndRemove_ByAMarketer_Are403_AsOnTheConsole_WhileTheListIsOpenToThem()
    {
        var user = NewEmail("m");
        await App.CreateUserAsync(user, "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(App, user, "marketer-password-1");
        var email = NewEmail();

        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsJsonAsync("/api/suppressions", new { email })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await App.Api.PostAsJsonAsync("/api/suppressions", new { email })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync($"/api/suppressions?search={email}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.DeleteAsync($"/api/suppressions/{Uri.EscapeDataString(email)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync("/api/suppressions")).StatusCode);
    }
}
