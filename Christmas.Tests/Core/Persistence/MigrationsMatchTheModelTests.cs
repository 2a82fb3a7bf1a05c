using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Core.Persistence;

/// <summary>
/// The app's start-up skips EF's model-against-snapshot diff (it costs memory for the process's
/// life), so this is where a model change without its migration is caught, for each provider.
/// </summary>
public sealed class MigrationsMatchTheModelTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_change_missing_from_the_providers_migrations(string provider)
    {
        SqlDialect dialect = provider == "Sqlite"
            ? new SqliteDialect(Path.Combine(Path.GetTempPath(), "never-opened.db"))
            : new PostgreSqlDialect("Host=127.0.0.1;Database=never-opened");
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        dialect.Configure(options);
        using var db = new CampaignDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes with no {provider} migration: add one (README, \"Providers\": each provider has its own migrations).");
    }
}
