using System.Text.Json.Nodes;
using Christmas.Core.Notion;
using Christmas.Core.Notion.Client;
using Christmas.Tests.Fixtures.Notion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Core.Notion;

/// <summary>The typed client on its real HTTP pipeline (version header, token, gate, retries) against the stand-in.</summary>
public sealed class NotionClientTests : IAsyncLifetime
{
    private NotionWorkspace _notion = null!;
    private ServiceProvider _services = null!;
    private NotionClient _client = null!;
    private string _dataSource = "";

    public async Task InitializeAsync()
    {
        _notion = await NotionWorkspace.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_notion.Settings()).Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddNotionClient().BuildServiceProvider();
        _client = _services.GetRequiredService<NotionClients>().Create();
        _dataSource = _notion.Notion.DataSourceIdOf(_notion.ContactsDb);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _notion.DisposeAsync();
    }

    private static JsonObject Contact(string email) => new()
    {
        ["Name"] = NotionValues.Of("title", "Ada"),
        ["Email"] = NotionValues.Of("email", email),
    };

    [Fact]
    public async Task ADatabase_ResolvesToItsDataSource_AndItsSchema()
    {
        var database = await _client.GetDatabaseAsync(_notion.ContactsDb, CancellationToken.None);
        var source = await _client.GetDataSourceAsync(database.DataSources.Single().Id, CancellationToken.None);

        Assert.Equal(_dataSource, source.Id);
        Assert.Equal("title", source.Properties["Name"]);
        Assert.Equal("number", source.Properties["Red Systems"]);
    }

    [Fact]
    public async Task ARead_AnsweredWith5xx_IsRetried()
    {
        _notion.Notion.FailNext(2, 503, "service_unavailable");

        var found = await _client.QueryAsync(_dataSource, null, null, CancellationToken.None);

        Assert.Empty(found.Results);
        Assert.Equal([503, 503, 200], _notion.Notion.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task AWrite_AnsweredWith5xx_IsNotRepeated_AndTheErrorCarriesNotionsCode()
    {
        _notion.Notion.FailNext(1, 503, "service_unavailable");

        var error = await Assert.ThrowsAsync<NotionApiException>(() => _client.CreatePageAsync(_dataSource, Contact("ada@example.com"), CancellationToken.None));

        Assert.Equal((503, "service_unavailable"), (error.Status, error.Code));
        Assert.True(error.IsTransient);
        Assert.Single(_notion.Notion.Requests);
        Assert.Empty(_notion.ContactPages);
    }

    [Fact]
    public async Task AWrite_AnsweredWith429Or529_IsRetried_AfterRetryAfter()
    {
        _notion.Notion.FailNext(1, 429, "rate_limited");
        _notion.Notion.FailNext(1, 529, "service_overload");

        await _client.CreatePageAsync(_dataSource, Contact("ada@example.com"), CancellationToken.None);

        var requests = _notion.Notion.Requests;
        Assert.Equal([429, 529, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After (1 s) honoured");
        Assert.Single(_notion.ContactPages);
    }

    [Fact]
    public async Task ARefusedValue_IsNotRetried_AndSaysWhy()
    {
        var properties = Contact("ada@example.com");
        properties["Nickname"] = NotionValues.Of("rich_text", "A");

        var error = await Assert.ThrowsAsync<NotionApiException>(() => _client.CreatePageAsync(_dataSource, properties, CancellationToken.None));

        Assert.Equal((400, "validation_error"), (error.Status, error.Code));
        Assert.Contains("Nickname", error.NotionMessage);
        Assert.False(error.IsTransient);
        Assert.Single(_notion.Notion.Requests);
    }

    [Fact]
    public async Task QueryAll_FollowsTheCursor_OverEveryPage()
    {
        for (var i = 0; i < 230; i++) _notion.Notion.AddPage(_notion.ContactsDb, Contact($"p{i}@example.com"));

        var emails = new List<string>();
        await foreach (var page in _client.QueryAllAsync(_dataSource, null, CancellationToken.None)) emails.Add(page.Email("Email")!);

        Assert.Equal(230, emails.Distinct().Count());
        Assert.Equal(3, _notion.Notion.Requests.Count);
    }
}
