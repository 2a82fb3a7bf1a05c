using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>One app for a test class whose Notion token is set but whose Notion never answers (a closed port).</summary>
public sealed class UnreachableNotionApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Notion:Token"] = "x",
        ["Notion:BaseUrl"] = "http://127.0.0.1:9",
        ["Notion:ContactsDatabaseId"] = "db1",
        ["Notion:RequestTimeout"] = "00:00:01",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}
