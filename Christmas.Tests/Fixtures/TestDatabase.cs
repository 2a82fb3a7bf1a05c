using Christmas.Tests.Fixtures.Postgres;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// Which database a test app runs on. Behaviour tests that hold on both providers take one in their
/// constructor and are run twice, by a subclass per provider (…OnSqlite, …OnPostgres), not copied.
/// </summary>
public interface ITestDatabase
{
    /// <summary>The app settings for a new, empty database, merged over <paramref name="more"/>.</summary>
    Task<Dictionary<string, string?>> SettingsAsync(IDictionary<string, string?>? more = null);
}

/// <summary>The default: a SQLite file in the test app's own data directory.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public Task<Dictionary<string, string?>> SettingsAsync(IDictionary<string, string?>? more = null) =>
        Task.FromResult(new Dictionary<string, string?>(more ?? new Dictionary<string, string?>()));
}
