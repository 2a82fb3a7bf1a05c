namespace Christmas.Tests.Fixtures.Browser;

/// <summary>A browser journey on a fresh app of its own: started, seeded by the journey, and opened in Chromium per test.</summary>
public abstract class BrowserJourney(BrowserFixture browser) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        App = await TestApp.StartAsync(settings: Settings);
        await SeedAsync();
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>What must exist before the app starts (a stand-in its settings point at); nothing by default.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Configuration of the journey's app (e.g. a Notion token); none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>The realistic data a journey's pages show; nothing by default.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    protected Task<ConsoleBrowser> OpenConsoleAsync(int width = 1280, int height = 900) =>
        ConsoleBrowser.OpenAsync(browser, App, width, height);
}
