using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Templates;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Api;

/// <summary>/api/templates over real HTTP: list, read, create or new version (and of a variant), preview, audit, auth.</summary>
public sealed class TemplatesApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private Task<HttpResponseMessage> PutAsync(string key, object body) => App.Api.PutAsJsonAsync($"/api/templates/{key}", body);

    private Task<HttpResponseMessage> PreviewAsync(string key, object body) => App.Api.PostAsJsonAsync($"/api/templates/{key}/preview", body);

    private Task<JsonElement> GetAsync(string key) => App.Api.GetFromJsonAsync<JsonElement>($"/api/templates/{key}");

    private Task<List<string>> AuditActionsAsync(string target) =>
        App.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == target).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task List_HasTheShippedBaseTemplates_WithTheirVariantsBySegment()
    {
        var list = await App.Api.GetFromJsonAsync<JsonElement>("/api/templates");

        var byKey = list.EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);
        Assert.True(byKey.Count >= 13);
        Assert.DoesNotContain(byKey.Keys, k => k.Contains('.'));
        foreach (var n in new[] { 2, 3, 4, 5 })
            Assert.Equal(["CRITICAL", "URGENT", "OPTIMIZE"], Strings(byKey[$"assessment-{n}"].GetProperty("variants")));
        var noshow = byKey["noshow-1"];
        Assert.Empty(noshow.GetProperty("variants").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(noshow.GetProperty("subject").GetString()));
        Assert.True(noshow.GetProperty("version").GetInt32() >= 1);
        Assert.EndsWith("Z", noshow.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task Get_AnswersTheTextWithEachVariant_And404ForAnUnknownKey()
    {
        var template = await GetAsync("assessment-3");

        Assert.Equal("assessment-3", template.GetProperty("key").GetString());
        Assert.Contains("{{", template.GetProperty("body").GetString());
        var critical = template.GetProperty("variants").EnumerateArray().First();
        Assert.Equal(("CRITICAL", "assessment-3.critical"), (critical.GetProperty("segment").GetString(), critical.GetProperty("key").GetString()));
        foreach (var field in new[] { "subject", "body", "version", "updatedAt" }) Assert.True(critical.TryGetProperty(field, out _), field);

        var unknown = await App.Api.GetAsync("/api/templates/no-such-template");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Put_ANewKey_CreatesIt_ListsIt_AndIsAudited()
    {
        var created = await PutAsync("assessment-6", new { subject = "One more thing, {{ first_name }}", body = "Hi {{ first_name }},\n\nA sixth email." });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = await GetAsync("assessment-6");
        Assert.Equal(1, template.GetProperty("version").GetInt32());
        Assert.Equal("One more thing, {{ first_name }}", template.GetProperty("subject").GetString());
        Assert.Empty(template.GetProperty("variants").EnumerateArray());
        var list = await App.Api.GetFromJsonAsync<JsonElement>("/api/templates");
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("key").GetString() == "assessment-6");
        Assert.Equal(["template.create"], await AuditActionsAsync("assessment-6"));
        var author = await App.WithDbAsync(db => db.EmailTemplates.Where(t => t.Key == "assessment-6").Select(t => t.Author).SingleAsync());
        Assert.Equal("api-token", author);
    }

    [Fact]
    public async Task Put_AnExistingKey_SavesANewVersion_TheConsoleLibrarySees()
    {
        var before = (await GetAsync("noshow-2")).GetProperty("version").GetInt32();

        var saved = await PutAsync("noshow-2", new { subject = "Still there, {{ first_name }}?", body = "A new text." });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(before + 1, (await TestApp.JsonAsync(saved)).GetProperty("version").GetInt32());
        var row = (await App.Services.GetRequiredService<TemplateLibrary>().ListAsync(CancellationToken.None)).Single(r => r.Key == "noshow-2");
        Assert.Equal((before + 1, "Still there, {{ first_name }}?"), (row.Version, row.Subject));
        Assert.Equal(["template.save"], await AuditActionsAsync("noshow-2"));
    }

    [Fact]
    public async Task Put_WithAnUnknownVariable_Is400NamingIt_AndSavesNothing()
    {
        var before = (await GetAsync("postcall-1")).GetProperty("version").GetInt32();

        var refused = await PutAsync("postcall-1", new { subject = "Hi", body = "Hello {{ nope }}" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nope", (await TestApp.JsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(before, (await GetAsync("postcall-1")).GetProperty("version").GetInt32());
        Assert.Empty(await AuditActionsAsync("postcall-1"));
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}{% endfor %}", "range of 100,000,000 items")]
    [InlineData("{% include 'footer' %}", "{% include %} is not supported")]
    public async Task Put_OfATemplateThatWouldTakeTheServerDown_Is400WithTheReason_AndSavesNothing(string body, string expected)
    {
        var before = (await GetAsync("postcall-1")).GetProperty("version").GetInt32();

        var refused = await PutAsync("postcall-1", new { subject = "Hi", body });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(expected, (await TestApp.JsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(before, (await GetAsync("postcall-1")).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("Bad_Key", null)]
    [InlineData("assessment-2.vip", null)]
    [InlineData("assessment-2", "VIP")]
    [InlineData("assessment-2.critical", "URGENT")]
    public async Task Put_WithABadKeyOrSegment_Is400(string key, string? segment)
    {
        var refused = await PutAsync(key, new { subject = "Hi", body = "Body", segment });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Put_WithASegment_SavesANewVersionOfThatVariant_NotOfTheBase()
    {
        var base4 = (await GetAsync("assessment-4")).GetProperty("version").GetInt32();

        var saved = await PutAsync("assessment-4", new { subject = "Urgent, {{ first_name }}", body = "Soon.", segment = "URGENT" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("assessment-4.urgent", (await TestApp.JsonAsync(saved)).GetProperty("key").GetString());
        var family = await GetAsync("assessment-4");
        Assert.Equal(base4, family.GetProperty("version").GetInt32());
        var urgent = family.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("segment").GetString() == "URGENT");
        Assert.Equal(("Urgent, {{ first_name }}", 2), (urgent.GetProperty("subject").GetString(), urgent.GetProperty("version").GetInt32()));
        Assert.Equal(["template.save"], await AuditActionsAsync("assessment-4.urgent"));
    }

    [Fact]
    public async Task Preview_RendersSampleData_OrTheVariantACriticalContactGets_AndSavesNothing()
    {
        (await PutAsync("assessment-2", new { subject = "Critical for {{ first_name }}", body = "Read this.", segment = "CRITICAL" })).EnsureSuccessStatusCode();
        var email = $"t{Guid.NewGuid():N}@example.com";
        (await App.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email))).EnsureSuccessStatusCode();
        var versions = await App.WithDbAsync(db => db.EmailTemplates.CountAsync());

        var sample = await PreviewAsync("assessment-2", new { });
        var forContact = await PreviewAsync("assessment-2", new { email });

        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        var sampleEmail = await TestApp.JsonAsync(sample);
        Assert.Contains("Sarah", sampleEmail.GetProperty("subject").GetString());
        Assert.Contains("<html", sampleEmail.GetProperty("html").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(sampleEmail.GetProperty("text").GetString()));
        Assert.Equal(HttpStatusCode.OK, forContact.StatusCode);
        Assert.Equal("Critical for Sarah", (await TestApp.JsonAsync(forContact)).GetProperty("subject").GetString());
        Assert.Equal(versions, await App.WithDbAsync(db => db.EmailTemplates.CountAsync()));
    }

    [Fact]
    public async Task Preview_WithoutABody_UsesSampleData_And404sForAnUnknownContactOrKey()
    {
        var noBody = await App.Api.PostAsync("/api/templates/noshow-1/preview", null);
        var unknownContact = await PreviewAsync("noshow-1", new { email = "nobody-here@example.com" });
        var unknownKey = await PreviewAsync("no-such-template", new { });

        Assert.Equal(HttpStatusCode.OK, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownContact.StatusCode);
        Assert.Contains("nobody-here@example.com", (await TestApp.JsonAsync(unknownContact)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownKey.StatusCode);
    }

    [Fact]
    public async Task Anonymous_Is401_OnEveryEndpoint()
    {
        var body = JsonContent.Create(new { subject = "Hi", body = "Body" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync("/api/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync("/api/templates/noshow-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.PutAsync("/api/templates/noshow-1", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.PostAsync("/api/templates/noshow-1/preview", JsonContent.Create(new { }))).StatusCode);
        Assert.Empty(await AuditActionsAsync("noshow-1"));
    }

    [Fact]
    public async Task TheApiDocument_NamesEachOperation()
    {
        var paths = (await App.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        string OperationId(string path, string method) => paths.GetProperty(path).GetProperty(method).GetProperty("operationId").GetString()!;
        Assert.Equal("listTemplates", OperationId("/api/templates", "get"));
        Assert.Equal("getTemplate", OperationId("/api/templates/{key}", "get"));
        Assert.Equal("saveTemplate", OperationId("/api/templates/{key}", "put"));
        Assert.Equal("previewTemplate", OperationId("/api/templates/{key}/preview", "post"));
        Assert.True(paths.GetProperty("/api/templates/{key}").GetProperty("put").TryGetProperty("requestBody", out _));
    }
}
