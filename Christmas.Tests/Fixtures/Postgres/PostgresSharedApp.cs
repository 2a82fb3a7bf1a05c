namespace Christmas.Tests.Fixtures.Postgres;

/// <summary>
/// <see cref="SharedApp"/> on PostgreSQL: one app for a whole test class, on a new database of the collection's
/// server, on the real clock; tests use unique emails so they do not meet.
/// </summary>
public sealed class PostgresSharedApp(PostgresServer postgres) : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: await postgres.SettingsAsync());

    public async Task DisposeAsync() => await App.DisposeAsync();
}
