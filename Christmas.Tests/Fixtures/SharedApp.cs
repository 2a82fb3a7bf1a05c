namespace Christmas.Tests.Fixtures;

/// <summary>One app for a whole test class, on the real clock; tests use unique emails so they do not meet.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
