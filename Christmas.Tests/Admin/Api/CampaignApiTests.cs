using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Christmas.Core.Audit;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>The campaign definition over HTTP: revision 1 as JSON and YAML, its history, and the shared draft.</summary>
public sealed class CampaignApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private static readonly string RevisionOneJson = DefinitionWriter.ToJson(RevisionOneDocument.Build());

    private async Task<string> GetYamlAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/yaml"));
        using var response = await App.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> PutDraftAsync(string body, string contentType) =>
        App.Api.PutAsync("/api/campaign/draft", new StringContent(body, Encoding.UTF8, contentType));

    [Fact]
    public async Task GetCampaign_AnswersRevisionOne_AsJson()
    {
        var json = await App.Api.GetFromJsonAsync<JsonElement>("/api/campaign");

        Assert.Equal(1, json.GetProperty("revision").GetInt32());
        Assert.Equal(["assessment", "noshow", "postcall", "onboarding"], json.GetProperty("sequences").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var step = json.GetProperty("sequences")[0].GetProperty("steps")[1];
        Assert.Equal(("assessment-2", "24h", "1m"), (step.GetProperty("template").GetString(), step.GetProperty("offset").GetString(), step.GetProperty("testingOffset").GetString()));
        Assert.Equal("email_1_sent_at", json.GetProperty("handlers")[1].GetProperty("anchor").GetString());
        var read = DefinitionReader.Read(json.GetRawText(), DefinitionFormat.Json);
        Assert.Equal(RevisionOneJson, DefinitionWriter.ToJson(read.Document!));
    }

    [Fact]
    public async Task GetCampaign_AnswersYaml_WhenAskedFor()
    {
        var yaml = await GetYamlAsync("/api/campaign");

        Assert.StartsWith("revision: 1", yaml);
        Assert.Contains("{number: 2, template: assessment-2, offset: 24h, testingOffset: 1m}", yaml);
        Assert.Equal(RevisionOneJson, DefinitionWriter.ToJson(DefinitionReader.Read(yaml, DefinitionFormat.Yaml).Document!));
    }

    [Fact]
    public async Task TheYamlExport_SavedAsTheDraft_IsThePublishedDocument()
    {
        var yaml = await GetYamlAsync("/api/campaign");

        var put = await PutDraftAsync(yaml, "application/yaml");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var draft = await App.Api.GetFromJsonAsync<JsonElement>("/api/campaign/draft");
        Assert.Equal(1, draft.GetProperty("baseRevision").GetInt32());
        Assert.Equal("api-token", draft.GetProperty("updatedBy").GetString());
        Assert.False(draft.TryGetProperty("revision", out _));
        Assert.Equal(RevisionOneJson, DefinitionWriter.ToJson(DefinitionReader.Read(draft.GetRawText(), DefinitionFormat.Json).Document!));
        Assert.Equal(yaml["revision: 1\n".Length..], (await GetYamlAsync("/api/campaign/draft")).Split("sequences:", 2)[1].Insert(0, "sequences:"));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "campaign.draft.save")));
    }

    [Fact]
    public async Task ABadDraft_Answers400NamingPathsAndLines_AndSavesNothing()
    {
        await App.Api.DeleteAsync("/api/campaign/draft");
        var yaml = await GetYamlAsync("/api/campaign");
        var broken = yaml.Replace("assessment-2, offset: 24h", "assessment-2, offset: 24 hours").Replace("template: noshow-3", "template: noshow-9");
        var offsetLine = yaml.Split('\n').ToList().FindIndex(l => l.Contains("assessment-2, offset: 24h")) + 1;

        var response = await PutDraftAsync(broken, "application/yaml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await TestApp.JsonAsync(response)).GetProperty("errors");
        Assert.StartsWith($"line {offsetLine}: '24 hours' is not a duration", errors.GetProperty("sequences[0].steps[1].offset")[0].GetString());
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.GetAsync("/api/campaign/draft")).StatusCode);

        var rules = await PutDraftAsync(yaml.Replace("template: noshow-3", "template: noshow-9"), "application/yaml");
        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        Assert.Contains("noshow-9", (await TestApp.JsonAsync(rules)).GetProperty("errors").GetProperty("sequences[1].steps[2].template")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.GetAsync("/api/campaign/draft")).StatusCode);
    }

    [Fact]
    public async Task AJsonDraft_IsSaved_ThenDeleted()
    {
        var json = await App.Api.GetStringAsync("/api/campaign");
        Assert.Equal(HttpStatusCode.OK, (await PutDraftAsync(json, "application/json")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await App.Api.DeleteAsync("/api/campaign/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.GetAsync("/api/campaign/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.DeleteAsync("/api/campaign/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PutDraftAsync(json, "text/plain")).StatusCode);
    }

    [Fact]
    public async Task Revisions_ListRevisionOne_AndAnswerItsDocument()
    {
        var revisions = await App.Api.GetFromJsonAsync<JsonElement>("/api/campaign/revisions");

        var first = Assert.Single(revisions.EnumerateArray());
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        Assert.Equal("system", first.GetProperty("publishedBy").GetString());
        Assert.Equal("new-only", first.GetProperty("policy").GetString());
        Assert.Equal("The campaign as it was before definitions were editable", first.GetProperty("summary").GetString());
        Assert.True(first.GetProperty("publishedAt").GetDateTime() > DateTime.UtcNow.AddHours(-1));

        var one = await App.Api.GetFromJsonAsync<JsonElement>("/api/campaign/revisions/1");
        Assert.Equal(1, one.GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Api.GetAsync("/api/campaign/revisions/2")).StatusCode);
    }

    [Fact]
    public async Task TheCampaign_NeedsAnOperator() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync("/api/campaign")).StatusCode);
}
