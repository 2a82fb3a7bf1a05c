namespace Christmas.Tests.Fixtures;

/// <summary>
/// One app for a whole test class, on the real clock; tests use unique emails so they do not meet.
/// A class whose tests need settings of their own derives a fixture that overrides <see cref="Settings"/>.
/// </summary>
public class SharedApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    /// <summary>Configuration of the shared app (fixed for the class: no test changes it); none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: Settings);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
