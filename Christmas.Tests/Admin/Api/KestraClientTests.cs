using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Kestra;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// Requests as Kestra's own clients send them (tenant paths, HTTP Basic, the 2.0 <c>filters[...]</c> and the 0.2x
/// parameters), answers read into mirrors of Kestra's OpenAPI schemas with their required fields.
/// </summary>
public partial class KestraClientTests(SharedApp shared) : IClassFixture<SharedApp>, IDisposable
{
    private readonly HttpClient _kestra = KestraClient(shared.App, "admin", TestApp.ApiToken);
    private TestApp App => shared.App;

    public void Dispose() => _kestra.Dispose();

    private static HttpClient KestraClient(TestApp app, string user, string password)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    private static string NewEmail() => $"kestra{Guid.NewGuid():N}@example.com";

    /// <summary>Three calls of one new contact: a signup, then two assessments (the second deduplicated, with a warning).</summary>
    private async Task<string[]> ThreeCallsAsync(string email)
    {
        var odd = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email);
        odd["green_systems"] = 1;
        var ids = new List<string>();
        foreach (var (handler, body) in new (string, object)[]
                 {
                     ("signup-handler", Fixtures.Webhooks.Signup(email)),
                     ("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), email)),
                     ("assessment-handler", odd),
                 })
        {
            var response = await App.PostWebhookAsync(handler, body);
            response.EnsureSuccessStatusCode();
            ids.Add((await TestApp.JsonAsync(response)).GetProperty("id").GetString()!);
        }
        return [.. ids];
    }

    private async Task<T> GetAsync<T>(string path)
    {
        var response = await _kestra.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(KestraJson.Options))!;
    }

    [Fact]
    public async Task Search_OnTheTenantPath_With20Filters_AnswersKestrasPagedResults()
    {
        var email = NewEmail();
        var ids = await ThreeCallsAsync(email);

        var page = await GetAsync<KestraPagedResults<KestraLightExecution>>(
            $"/api/v1/main/executions/search?page=1&size=25&sort=state.startDate:desc&filters[namespace][PREFIX]=christmas"
            + $"&filters[flowId][EQUALS]=assessment-handler&filters[q][EQUALS]={Uri.EscapeDataString(email)}&filters[scope][EQUALS]=USER");

        Assert.Equal(2, page.Total);
        Assert.Equal([ids[2], ids[1]], page.Results.Select(e => e.Id));
        Assert.All(page.Results, e =>
        {
            Assert.Equal(("main", "christmas.handlers", "assessment-handler", 1), (e.TenantId, e.Namespace, e.FlowId, e.FlowRevision));
            Assert.Equal(e.Id, e.OriginalId);
            Assert.Contains(e.State.Current, KestraJson.StateTypes);
            Assert.All(e.State.Histories, h => Assert.Contains(h.State, KestraJson.StateTypes));
            Assert.Equal(e.State.Histories[0].Date, e.State.StartDate);
            Assert.Equal(e.State.Current, e.State.Histories[^1].State);
            Assert.Matches(IsoDuration(), e.State.Duration!);
            Assert.All(e.Labels!, l => Assert.Matches(LabelKey(), l.Key));
            Assert.Equal("io.kestra.plugin.core.trigger.Webhook", e.Trigger!.Type);
            Assert.Equal(email, e.Trigger.Variables!["body"].GetProperty("email").GetString());
        });
    }

    [Fact]
    public async Task AnExecutionAndItsLogs_OnTheTenantPaths_ParseIntoExecutionAndLogEntry_WithWarnLevels()
    {
        var ids = await ThreeCallsAsync(NewEmail());

        var execution = await GetAsync<KestraExecution>($"/api/v1/main/executions/{ids[2]}");
        Assert.Equal((ids[2], ids[2], false), (execution.Id, execution.OriginalId, execution.Deleted));
        Assert.Equal(execution.State.StartDate, execution.Metadata.OriginalCreatedDate);
        Assert.Contains(execution.Labels!, l => l is { Key: "deduplicated", Value: "true" });
        Assert.Equal(
            TimeSpan.FromMilliseconds(Math.Floor((execution.State.EndDate!.Value - execution.State.StartDate).TotalMilliseconds)),
            XmlConvert.ToTimeSpan(execution.State.Duration!));

        var logs = await GetAsync<List<KestraLogEntry>>($"/api/v1/main/logs/{ids[2]}");
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.Equal(("christmas.handlers", "assessment-handler", ids[2]), (l.Namespace, l.FlowId, l.ExecutionId!)));
        Assert.All(logs, l => Assert.Contains(l.Level, KestraJson.Levels));
        Assert.Contains(logs, l => l.Level == "WARN" && l.Message!.Contains("add up to 6, not 8"));
        Assert.Equal(logs.OrderBy(l => l.Timestamp).Select(l => l.Message), logs.Select(l => l.Message));

        var warnOnly = await GetAsync<List<KestraLogEntry>>($"/api/v1/main/logs/{ids[2]}?minLevel=WARN");
        Assert.All(warnOnly, l => Assert.Equal("WARN", l.Level));
        Assert.NotEmpty(warnOnly);
        var guide = await App.Api.GetStringAsync($"/api/v1/executions/{ids[2]}/logs");
        Assert.DoesNotContain("WARNING", guide);
    }

    [Fact]
    public async Task Logs_OfAnUnknownExecution_AreEmptyOnKestrasPaths_And404OnTheGuides()
    {
        Assert.Empty(await GetAsync<List<KestraLogEntry>>("/api/v1/logs/doesnotexist"));
        Assert.Empty(await GetAsync<List<KestraLogEntry>>("/api/v1/main/logs/doesnotexist"));
        Assert.Equal(HttpStatusCode.NotFound, (await _kestra.GetAsync("/api/v1/executions/doesnotexist/logs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _kestra.GetAsync("/api/v1/main/executions/doesnotexist")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/flows/company.team")]
    [InlineData("/api/v1/main/flows/christmas")]
    public async Task FlowsOfAnotherNamespace_AreAnEmptyArray_AsInKestra(string path) =>
        Assert.Equal(0, (await GetAsync<JsonElement>(path)).GetArrayLength());

    [Fact]
    public async Task FlowsOfOurNamespace_OnTheTenantPath_AreTheFiveHandlers() =>
        Assert.Equal(5, (await GetAsync<JsonElement>("/api/v1/main/flows/christmas.handlers")).GetArrayLength());

    [Theory]
    [InlineData("/api/v1/executions")]
    [InlineData("/api/v1/main/executions/search")]
    [InlineData("/api/v1/main/flows/christmas.handlers")]
    [InlineData("/api/contacts")]
    public async Task BasicAuth_WithAnyUserAndTheTokenAsPassword_IsAccepted_AndAWrongPasswordIsNot(string path)
    {
        using var otherUser = KestraClient(App, "someone-else", TestApp.ApiToken);
        using var wrong = KestraClient(App, "admin", "not-the-token");
        using var noColon = new HttpClient { BaseAddress = App.BaseAddress };
        noColon.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestApp.ApiToken)));
        using var garbage = new HttpClient { BaseAddress = App.BaseAddress };
        garbage.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic %%%not-base64");

        Assert.Equal(HttpStatusCode.OK, (await _kestra.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherUser.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noColon.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/executions?pageSize=10", "pageSize")]
    [InlineData("/api/v1/main/executions/search?flowid=assessment-handler", "flowid")]
    [InlineData("/api/v1/executions/search?state=SUCCESS&bogus=1", "bogus")]
    [InlineData("/api/v1/flows?namespace=christmas", "namespace")]
    [InlineData("/api/v1/main/flows/christmas.handlers?x=1", "x")]
    [InlineData("/api/v1/logs/doesnotexist?level=WARN", "level")]
    [InlineData("/api/v1/executions/doesnotexist?expand=true", "expand")]
    public async Task UnknownQueryParameters_Answer400_NamingThem(string path, string parameter)
    {
        var response = await _kestra.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await TestApp.JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("/api/v1/executions/search?size=10000", HttpStatusCode.OK)]
    [InlineData("/api/v1/executions/search?size=10001", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?size=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?page=2147483647&size=10000", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?sort=email:asc", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?sort=id:upwards", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?state=NOPE", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?timeRange=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?labels=nocolon", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?filters[state][REGEX]=S.*", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/executions/search?filters[oops]=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/logs/x?minLevel=LOUD", HttpStatusCode.BadRequest)]
    public async Task QueryValues_AreCheckedAsKestraDocumentsThem(string path, HttpStatusCode expected) =>
        Assert.Equal(expected, (await _kestra.GetAsync(path)).StatusCode);

    [Fact]
    public async Task Sort_FieldAscOrDesc_IsHonoured()
    {
        var email = NewEmail();
        var ids = await ThreeCallsAsync(email);
        var q = $"q={Uri.EscapeDataString(email)}";

        async Task<List<KestraLightExecution>> SortedAsync(string sort) =>
            (await GetAsync<KestraPagedResults<KestraLightExecution>>($"/api/v1/executions/search?{q}&sort={sort}")).Results;

        Assert.Equal(ids, (await SortedAsync("state.startDate:asc")).Select(e => e.Id));
        Assert.Equal(Enumerable.Reverse(ids), (await SortedAsync("state.startDate:desc")).Select(e => e.Id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await SortedAsync("id:asc")).Select(e => e.Id));
        Assert.Equal(["assessment-handler", "assessment-handler", "signup-handler"], (await SortedAsync("flowId:asc")).Select(e => e.FlowId));
        Assert.Equal("signup-handler", (await SortedAsync("flowId:desc"))[0].FlowId);
        var byDuration = (await SortedAsync("state.duration:desc")).Select(e => XmlConvert.ToTimeSpan(e.State.Duration!)).ToList();
        Assert.Equal(byDuration.OrderDescending(), byDuration);
        var byEnd = (await SortedAsync("state.endDate:asc")).Select(e => e.State.EndDate!.Value).ToList();
        Assert.Equal(byEnd.Order(), byEnd);
    }

    [Theory]
    [InlineData("namespace=christmas", 3)]
    [InlineData("namespace=christ", 3)]
    [InlineData("namespace=christmas.handlers", 3)]
    [InlineData("namespace=company.team", 0)]
    [InlineData("filters[namespace][EQUALS]=christmas", 0)]
    [InlineData("filters[namespace][EQUALS]=christmas.handlers", 3)]
    [InlineData("state=SUCCESS&state=FAILED", 3)]
    [InlineData("state=FAILED&state=KILLED", 0)]
    [InlineData("filters[state][IN]=FAILED,SUCCESS", 3)]
    [InlineData("flowId=assessment-handler", 2)]
    [InlineData("labels=trigger:webhook", 3)]
    [InlineData("labels=deduplicated:true", 1)]
    [InlineData("labels=team:marketing", 0)]
    [InlineData("timeRange=PT1H", 3)]
    [InlineData("filters[scope][EQUALS]=SYSTEM", 0)]
    public async Task Filters_NarrowTheSearch_AsKestrasDo(string filter, int expected)
    {
        var email = NewEmail();
        await ThreeCallsAsync(email);

        var page = await GetAsync<KestraPagedResults<KestraLightExecution>>($"/api/v1/executions/search?q={Uri.EscapeDataString(email)}&{filter}");

        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Results.Count);
    }

    [Fact]
    public async Task Replay_OnKestra20sPath_WithBasicAuth_AnswersAnExecution()
    {
        var ids = await ThreeCallsAsync(NewEmail());

        var response = await _kestra.PostAsync($"/api/v1/main/executions/{ids[0]}/actions/replay", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replay = (await response.Content.ReadFromJsonAsync<KestraExecution>(KestraJson.Options))!;
        Assert.Equal(ids[0], replay.OriginalId);
        Assert.NotEqual(ids[0], replay.Id);
        Assert.Equal("replay", replay.Trigger!.Id);
    }

    [GeneratedRegex(@"^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$")]
    private static partial Regex IsoDuration();

    [GeneratedRegex(@"^[\p{Ll}][\p{L}0-9._-]*$")]
    private static partial Regex LabelKey();
}
