using System.Text;
using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>The Notion stand-in itself, driven over real HTTP with a plain HttpClient.</summary>
public sealed class NotionStandInTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Schema = new()
    {
        ["Name"] = "title", ["Email"] = "email", ["Notes"] = "rich_text", ["Step"] = "number",
        ["Status"] = "select", ["Tags"] = "multi_select", ["Next"] = "date", ["Opted out"] = "checkbox",
    };

    private readonly HttpClient _http = new();
    private NotionStandIn _notion = null!;
    private string _database = "";
    private string _dataSource = "";

    public async Task InitializeAsync()
    {
        _notion = await NotionStandIn.StartAsync();
        _http.BaseAddress = new Uri(_notion.BaseUrl + "/");
        _database = _notion.AddDatabase("Contacts", Schema);
        _dataSource = _notion.DataSourceIdOf(_database);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _notion.DisposeAsync();
    }

    [Fact]
    public async Task EveryRequest_IsRefused_WithoutTheTokenOrWithAnotherVersion()
    {
        var path = $"v1/databases/{_database}";

        var noToken = await SendAsync(HttpMethod.Get, path, token: null);
        var wrongToken = await SendAsync(HttpMethod.Get, path, token: "ntn_wrong");
        var noVersion = await SendAsync(HttpMethod.Get, path, version: null);
        var oldVersion = await SendAsync(HttpMethod.Get, path, version: "2022-06-28");
        var ok = await SendAsync(HttpMethod.Get, path);

        Assert.Equal((401, "unauthorized"), (noToken.Status, noToken.Code));
        Assert.Equal((401, "unauthorized"), (wrongToken.Status, wrongToken.Code));
        Assert.Equal((400, "missing_version"), (noVersion.Status, noVersion.Code));
        Assert.Equal((400, "invalid_request"), (oldVersion.Status, oldVersion.Code));
        Assert.Contains("2025-09-03", oldVersion.Message);
        Assert.Equal("error", (string?)oldVersion.Body!["object"]);
        Assert.Equal(400, (int)oldVersion.Body["status"]!);
        Assert.True(Guid.TryParse((string?)oldVersion.Body["request_id"], out _));
        Assert.Equal(200, ok.Status);
        Assert.Equal([401, 401, 400, 400, 200], _notion.Requests.Select(r => r.Status));
        Assert.All(_notion.Requests, r => Assert.Equal(("GET", "/" + path), (r.Method, r.Path)));
    }

    [Fact]
    public async Task Database_ListsItsOneDataSource_WhoseSchemaHasEveryProperty()
    {
        var database = await SendAsync(HttpMethod.Get, $"v1/databases/{_database}");
        var dataSource = await SendAsync(HttpMethod.Get, $"v1/data_sources/{_dataSource}");
        var unknown = await SendAsync(HttpMethod.Get, $"v1/databases/{Guid.NewGuid()}");
        var badUrl = await SendAsync(HttpMethod.Get, "v1/databases");

        Assert.Equal("database", (string?)database.Body!["object"]);
        Assert.Equal("Contacts", (string?)database.Body["title"]![0]!["plain_text"]);
        Assert.Equal(_dataSource, (string?)Assert.Single(database.Body["data_sources"]!.AsArray())!["id"]);
        var properties = dataSource.Body!["properties"]!.AsObject();
        Assert.Equal(Schema, properties.ToDictionary(p => p.Key, p => (string)p.Value!["type"]!));
        Assert.Equal("title", (string?)properties["Name"]!["id"]);
        Assert.Empty(properties["Status"]!["select"]!["options"]!.AsArray());
        Assert.Equal(_database, (string?)dataSource.Body["parent"]!["database_id"]);
        Assert.Equal((404, "object_not_found"), (unknown.Status, unknown.Code));
        Assert.StartsWith("Could not find database with ID:", unknown.Message);
        Assert.Equal((400, "invalid_request_url"), (badUrl.Status, badUrl.Code));
    }

    [Fact]
    public async Task CreateThenQuery_FindsThePage_ByItsExactEmail()
    {
        var created = await CreateAsync("""
            {"Name":{"title":[{"text":{"content":"Ada"}}]}, "Email":{"email":"ada@x.com"}, "Step":{"number":2},
             "Status":{"select":{"name":"Active"}}, "Next":{"date":{"start":"2025-10-01T09:00:00Z","end":null}}}
            """);
        var found = await QueryAsync("""{"property":"Email","email":{"equals":"ada@x.com"}}""");
        var otherCase = await QueryAsync("""{"property":"Email","email":{"equals":"ADA@x.com"}}""");

        Assert.Equal(200, created.Status);
        var page = created.Body!;
        var id = (string)page["id"]!;
        Assert.Equal(("page", false), ((string?)page["object"], (bool)page["in_trash"]!));
        Assert.Equal(_dataSource, (string?)page["parent"]!["data_source_id"]);
        Assert.Equal($"https://www.notion.so/{id.Replace("-", "")}", (string?)page["url"]);
        Assert.Empty(page["properties"]!["Notes"]!["rich_text"]!.AsArray());
        Assert.False((bool)page["properties"]!["Opted out"]!["checkbox"]!);
        Assert.Equal("default", (string?)page["properties"]!["Status"]!["select"]!["color"]);
        var saved = Assert.Single(_notion.Pages(_database));
        Assert.Equal((id, "Ada", "ada@x.com", 2m, "Active", "2025-10-01T09:00:00Z", false),
            (saved.Id, saved.Text("Name"), saved.Email("Email"), saved.Number("Step"), saved.Select("Status"), saved.DateStart("Next"), saved.Checkbox("Opted out")));
        Assert.Equal([id], found.Ids);
        Assert.Empty(otherCase.Ids);
        var options = (await SendAsync(HttpMethod.Get, $"v1/data_sources/{_dataSource}")).Body!["properties"]!["Status"]!["select"]!["options"]!;
        Assert.Equal("Active", (string?)Assert.Single(options.AsArray())!["name"]);
    }

    [Fact]
    public async Task Create_TakesADataSourceParent_WithOrWithoutType_ButNotADatabaseParent()
    {
        var untyped = await SendAsync(HttpMethod.Post, "v1/pages", new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = _dataSource } });
        var database = await SendAsync(HttpMethod.Post, "v1/pages", new JsonObject { ["parent"] = new JsonObject { ["database_id"] = _database } });

        Assert.Equal(200, untyped.Status);
        Assert.Equal((400, "validation_error"), (database.Status, database.Code));
        Assert.Contains("data_source_id", database.Message);
    }

    [Fact]
    public async Task Query_PagesThroughMoreThan100Pages_NewestFirst_WithCursors()
    {
        var start = new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 150; i++)
            _notion.AddPage(_database, new JsonObject
            {
                ["Name"] = Title($"P{i}"), ["Step"] = new JsonObject { ["number"] = i }, ["Opted out"] = new JsonObject { ["checkbox"] = i % 10 == 0 },
            }, start.AddMinutes(i));
        const string stillIn = """{"property":"Opted out","checkbox":{"equals":false}}""";

        var first = await QueryAsync(stillIn);
        var second = await QueryAsync(stillIn, cursor: first.NextCursor);
        var oldestFirst = await SendAsync(HttpMethod.Post, $"v1/data_sources/{_dataSource}/query",
            Props("""{"sorts":[{"timestamp":"created_time","direction":"ascending"}],"page_size":3}"""));
        var tooBig = await SendAsync(HttpMethod.Post, $"v1/data_sources/{_dataSource}/query", Props("""{"page_size":101}"""));

        Assert.Equal((100, true), (first.Ids.Count, first.HasMore));
        Assert.Equal((35, false, null), (second.Ids.Count, second.HasMore, second.NextCursor));
        var steps = first.Results.Concat(second.Results).Select(p => (int)p!["properties"]!["Step"]!["number"]!).ToList();
        Assert.Equal(Enumerable.Range(0, 150).Reverse().Where(i => i % 10 != 0), steps);
        Assert.Equal(["P0", "P1", "P2"], Titles(oldestFirst.Body!["results"]!.AsArray()));
        Assert.Equal((400, "validation_error"), (tooBig.Status, tooBig.Code));
    }

    [Fact]
    public async Task Query_Filters_CombineWithAndOr_AndCompareDatesByDayOrByInstant()
    {
        Seed("A", """ "Email":{"email":"a@x.com"},"Status":{"select":{"name":"Active"}},"Step":{"number":1},"Next":{"date":{"start":"2025-10-01T09:00:00Z"}} """);
        Seed("B", """ "Email":{"email":"b@x.com"},"Status":{"select":{"name":"Paused"}},"Step":{"number":1},"Next":{"date":{"start":"2025-10-01"}} """);
        Seed("C", """ "Email":{"email":"c@x.com"},"Step":{"number":3},"Next":{"date":{"start":"2025-10-02T09:00:00Z"}} """);

        Assert.Equal(["A", "B"], await NamesAsync("""{"property":"Next","date":{"equals":"2025-10-01"}}"""));
        Assert.Equal(["A"], await NamesAsync("""{"property":"Next","date":{"equals":"2025-10-01T05:00:00-04:00"}}"""));
        Assert.Equal(["A"], await NamesAsync("""{"and":[{"property":"Status","select":{"equals":"Active"}},{"property":"Step","number":{"equals":1}}]}"""));
        Assert.Equal(["B", "C"], await NamesAsync("""{"or":[{"property":"Email","email":{"equals":"b@x.com"}},{"property":"Email","email":{"equals":"c@x.com"}}]}"""));
        Assert.Equal(["C"], await NamesAsync("""{"property":"Status","select":{"is_empty":true}}"""));
        Assert.Equal(["A"], await NamesAsync("""{"property":"Name","title":{"equals":"A"}}"""));
        var unknown = await QueryAsync("""{"property":"Phone","phone_number":{"equals":"1"}}""");
        var wrongKind = await QueryAsync("""{"property":"Email","rich_text":{"equals":"a@x.com"}}""");
        Assert.Equal((400, "validation_error"), (unknown.Reply.Status, unknown.Reply.Code));
        Assert.Equal((400, "validation_error"), (wrongKind.Reply.Status, wrongKind.Reply.Code));
    }

    [Fact]
    public async Task Create_IsRefused_ForUnknownPropertyWrongTypeOrTooLongText_AndNothingIsSaved()
    {
        (string Properties, string Message)[] refused =
        [
            ("""{"Phone":{"phone_number":"1"}}""", "Phone is not a property that exists."),
            ("""{"Email":{"email":42}}""", "Email is expected to be email."),
            ("""{"Name":{"rich_text":[{"text":{"content":"Ada"}}]}}""", "Name is expected to be title."),
            ("""{"Step":{"number":"2"}}""", "Step is expected to be number."),
            (Notes(items: 1, length: 2001),
                "body failed validation: body.properties.Notes.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`."),
            (Notes(items: 101, length: 1),
                "body failed validation: body.properties.Notes.rich_text.length should be ≤ `100`, instead was `101`."),
            (new JsonObject { ["Email"] = new JsonObject { ["email"] = new string('e', 201) } }.ToJsonString(),
                "body failed validation: body.properties.Email.email.length should be ≤ `200`, instead was `201`."),
        ];

        foreach (var (properties, message) in refused)
        {
            var reply = await CreateAsync(properties);
            Assert.Equal((400, "validation_error", message), (reply.Status, reply.Code, reply.Message));
        }
        var badJson = await SendAsync(HttpMethod.Post, "v1/pages", "{\"parent\":");
        var atTheLimit = await CreateAsync(Notes(items: 1, length: 2000));

        Assert.Equal((400, "invalid_json"), (badJson.Status, badJson.Code));
        Assert.Equal(200, atTheLimit.Status);
        Assert.Equal(2000, Assert.Single(_notion.Pages(_database)).Text("Notes")!.Length);
    }

    [Fact]
    public async Task OverTheBudget_Answers429_WithRetryAfterAndTheReason()
    {
        await SendAsync(HttpMethod.Get, $"v1/databases/{_database}"); // warm up before the clock matters
        _notion.RequestsPerSecond = 3.5;
        _notion.RetryAfterSeconds = 2;

        var replies = new List<Reply>();
        for (var i = 0; i < 5; i++) replies.Add(await SendAsync(HttpMethod.Get, $"v1/databases/{_database}"));
        await Task.Delay(TimeSpan.FromSeconds(1.05));
        var later = await SendAsync(HttpMethod.Get, $"v1/databases/{_database}");

        Assert.Equal([200, 200, 200, 429, 429], replies.Select(r => r.Status));
        var limited = replies[^1];
        Assert.Equal("rate_limited", limited.Code);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.RetryAfter);
        Assert.Equal("public_api_request_rate_limit", (string?)limited.Body!["additional_data"]!["rate_limit_reason"]);
        Assert.Equal(2, _notion.TooManyRequestsAnswered);
        Assert.Equal(200, later.Status);
    }

    [Fact]
    public async Task DownFailForAndFailNext_AnswerTheScriptedErrors_UntilTheyEnd()
    {
        var path = $"v1/databases/{_database}";

        _notion.Down(529, "service_overload");
        var down = await SendAsync(HttpMethod.Get, path);
        var downWrongToken = await SendAsync(HttpMethod.Get, path, token: "ntn_wrong");
        _notion.Up();
        var up = await SendAsync(HttpMethod.Get, path);
        _notion.FailFor(TimeSpan.FromMilliseconds(300));
        var during = await SendAsync(HttpMethod.Get, path);
        await Task.Delay(400);
        var after = await SendAsync(HttpMethod.Get, path);
        _notion.FailNext(2, 500, "internal_server_error");
        var next = new[] { await SendAsync(HttpMethod.Get, path), await SendAsync(HttpMethod.Get, path), await SendAsync(HttpMethod.Get, path) };
        _notion.FailNext(1, 429, "rate_limited");
        var scripted429 = await SendAsync(HttpMethod.Get, path);

        Assert.Equal((529, "service_overload", TimeSpan.FromSeconds(1)), (down.Status, down.Code, down.RetryAfter));
        Assert.Equal(401, downWrongToken.Status);
        Assert.Equal(200, up.Status);
        Assert.Equal((503, "service_unavailable", null), (during.Status, during.Code, during.RetryAfter));
        Assert.Equal(200, after.Status);
        Assert.Equal([500, 500, 200], next.Select(r => r.Status));
        Assert.Equal((429, "rate_limited", TimeSpan.FromSeconds(1)), (scripted429.Status, scripted429.Code, scripted429.RetryAfter));
        Assert.Equal(0, _notion.TooManyRequestsAnswered); // only the budget's 429s count
    }

    [Fact]
    public async Task HangNext_NeverAnswers_UntilTheClientGivesUp()
    {
        var path = $"v1/databases/{_database}";
        _notion.HangNext(1);

        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(HttpMethod.Get, path, cancel: patience.Token));
        var next = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(200, next.Status);
        var log = await Eventually.WaitAsync(() => Task.FromResult(_notion.Requests), r => r.Count == 2, TimeSpan.FromSeconds(5), "both requests logged");
        Assert.Equal([0, 200], log.OrderBy(r => r.At).Select(r => r.Status));
    }

    [Fact]
    public async Task Dispose_DropsAHangingRequest_InsteadOfWaitingForIt()
    {
        var notion = await NotionStandIn.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(notion.BaseUrl + "/") };
        notion.HangNext(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/pages/{Guid.NewGuid()}");
        request.Headers.Authorization = new("Bearer", NotionStandIn.Token);
        request.Headers.Add("Notion-Version", NotionStandIn.Version);
        var hanging = http.SendAsync(request);
        await Task.Delay(200); // time to arrive and start hanging
        Assert.False(hanging.IsCompleted);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await notion.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"dispose took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => hanging);
    }

    [Fact]
    public async Task SaveThenFailNext_SavesTheWrite_ButAnswersTheError()
    {
        _notion.SaveThenFailNext();
        var read = await SendAsync(HttpMethod.Get, $"v1/databases/{_database}");
        var create = await CreateAsync("""{"Name":{"title":[{"text":{"content":"Ada"}}]}}""");
        var saved = Assert.Single(_notion.Pages(_database));
        _notion.SaveThenFailNext(500);
        var patch = await SendAsync(HttpMethod.Patch, $"v1/pages/{saved.Id}", Props("""{"properties":{"Step":{"number":5}}}"""));
        var again = await CreateAsync("""{"Name":{"title":[{"text":{"content":"Bo"}}]}}""");

        Assert.Equal(200, read.Status);
        Assert.Equal((503, "service_unavailable"), (create.Status, create.Code));
        Assert.Equal((500, "internal_server_error"), (patch.Status, patch.Code));
        Assert.Equal(200, again.Status);
        Assert.Equal([("Ada", 5m), ("Bo", null)], _notion.Pages(_database).Select(p => (p.Text("Name"), p.Number("Step"))));
    }

    [Fact]
    public async Task TrashedPage_IsLeftOutOfQueries_AndCannotBeEdited_UntilRestored()
    {
        var ada = Seed("Ada", "");
        var bo = Seed("Bo", "");

        var trashed = await SendAsync(HttpMethod.Patch, $"v1/pages/{ada}", Props("""{"in_trash":true}"""));
        var query = await QueryAsync(null);
        var read = await SendAsync(HttpMethod.Get, $"v1/pages/{ada}");
        var edit = await SendAsync(HttpMethod.Patch, $"v1/pages/{ada}", Props("""{"properties":{"Step":{"number":1}}}"""));
        var restored = await SendAsync(HttpMethod.Patch, $"v1/pages/{ada}", Props("""{"in_trash":false,"properties":{"Step":{"number":1}}}"""));
        _notion.TrashPage(bo);
        var afterwards = await QueryAsync(null);

        Assert.True((bool)trashed.Body!["in_trash"]!);
        Assert.Equal([bo], query.Ids);
        Assert.True((bool)read.Body!["in_trash"]!);
        Assert.Equal((400, "validation_error"), (edit.Status, edit.Code));
        Assert.Equal(200, restored.Status);
        Assert.Equal([ada], afterwards.Ids);
        Assert.Equal(1m, Assert.Single(_notion.Pages(_database)).Number("Step"));
        Assert.Equal([false, true], _notion.Pages(_database, includeTrashed: true).Select(p => p.InTrash));
    }

    [Fact]
    public async Task DeletedPage_Answers404_ToEveryCall()
    {
        var ada = Seed("Ada", "");
        _notion.DeletePage(ada);

        var read = await SendAsync(HttpMethod.Get, $"v1/pages/{ada}");
        var edit = await SendAsync(HttpMethod.Patch, $"v1/pages/{ada}", Props("""{"in_trash":false}"""));
        var query = await QueryAsync(null);

        Assert.Equal((404, "object_not_found"), (read.Status, read.Code));
        Assert.Equal((404, "object_not_found"), (edit.Status, edit.Code));
        Assert.Empty(query.Ids);
        Assert.Empty(_notion.Pages(_database, includeTrashed: true));
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheSentProperties_AndNullClears()
    {
        var ada = Seed("Ada", """ "Email":{"email":"ada@x.com"},"Step":{"number":2},"Status":{"select":{"name":"Active"}},"Next":{"date":{"start":"2025-10-01"}} """);

        var reply = await SendAsync(HttpMethod.Patch, $"v1/pages/{ada}",
            Props("""{"properties":{"Email":{"email":null},"Step":{"number":null},"Status":{"select":{"name":"Paused"}}}}"""));

        Assert.Equal(200, reply.Status);
        var page = Assert.Single(_notion.Pages(_database));
        Assert.Equal(("Ada", null, null, "Paused", "2025-10-01"), (page.Text("Name"), page.Email("Email"), page.Number("Step"), page.Select("Status"), page.DateStart("Next")));
        Assert.True(page.LastEditedTime > page.CreatedTime);
        var options = (await SendAsync(HttpMethod.Get, $"v1/data_sources/{_dataSource}")).Body!["properties"]!["Status"]!["select"]!["options"]!;
        Assert.Equal(["Active", "Paused"], options.AsArray().Select(o => (string?)o!["name"]));
    }

    [Fact]
    public async Task ConcurrentCreates_AreAllSaved_AndLogged()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => CreateAsync(new JsonObject { ["Name"] = Title($"C{i}") }.ToJsonString())));

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        Assert.Equal(40, _notion.Pages(_database).Select(p => p.Id).Distinct().Count());
        Assert.Equal(40, _notion.Requests.Count(r => r is { Method: "POST", Status: 200 }));
    }

    private sealed record Reply(int Status, JsonObject? Body, TimeSpan? RetryAfter)
    {
        public string? Code => (string?)Body?["code"];
        public string? Message => (string?)Body?["message"];
    }

    private sealed record QueryReply(Reply Reply)
    {
        public JsonArray Results => Reply.Body!["results"]!.AsArray();
        public List<string> Ids => Results.Select(p => (string)p!["id"]!).ToList();
        public bool HasMore => (bool)Reply.Body!["has_more"]!;
        public string? NextCursor => (string?)Reply.Body!["next_cursor"];
    }

    private static JsonObject Props(string json) => JsonNode.Parse(json)!.AsObject();

    private static List<string> Titles(JsonArray pages) => pages.Select(p => (string)p!["properties"]!["Name"]!["title"]![0]!["plain_text"]!).ToList();

    /// <summary>Seeds a page named <paramref name="name"/> with more properties written as JSON members.</summary>
    private string Seed(string name, string moreProperties)
    {
        var properties = Props("{" + moreProperties + "}");
        properties["Name"] = Title(name);
        return _notion.AddPage(_database, properties);
    }

    private static JsonObject Title(string text) => new() { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) };

    /// <summary>Notes (rich text) of <paramref name="items"/> items, each <paramref name="length"/> characters long, as request JSON.</summary>
    private static string Notes(int items, int length) => new JsonObject
    {
        ["Notes"] = new JsonObject
        {
            ["rich_text"] = new JsonArray(Enumerable.Range(0, items)
                .Select(_ => (JsonNode)new JsonObject { ["text"] = new JsonObject { ["content"] = new string('n', length) } }).ToArray()),
        },
    }.ToJsonString();

    private Task<Reply> CreateAsync(string properties) => SendAsync(HttpMethod.Post, "v1/pages", new JsonObject
    {
        ["parent"] = new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = _dataSource },
        ["properties"] = Props(properties),
    });

    private async Task<QueryReply> QueryAsync(string? filter, string? cursor = null)
    {
        var body = new JsonObject();
        if (filter is not null) body["filter"] = Props(filter);
        if (cursor is not null) body["start_cursor"] = cursor;
        return new QueryReply(await SendAsync(HttpMethod.Post, $"v1/data_sources/{_dataSource}/query", body));
    }

    private async Task<List<string>> NamesAsync(string filter) => Titles((await QueryAsync(filter)).Results).Order().ToList();

    private async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null,
        string? token = NotionStandIn.Token, string? version = NotionStandIn.Version, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (version is not null) request.Headers.Add("Notion-Version", version);
        if (body is not null) request.Content = new StringContent(body is JsonNode json ? json.ToJsonString() : (string)body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        return new Reply((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject(), response.Headers.RetryAfter?.Delta);
    }
}
