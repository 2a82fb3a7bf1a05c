using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Persistence;

/// <summary>
/// Creates the data directory and applies migrations before anything reads or writes. EF Core takes
/// a database-wide lock while it migrates (a lock table on SQLite, an advisory lock on PostgreSQL),
/// so instances starting together apply each migration once, one after the other.
/// </summary>
public sealed class DatabaseInitializer(DataPaths paths, SqlDialect dialect, IDbContextFactory<CampaignDbContext> contexts, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Directory);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        await dialect.AfterMigrateAsync(db, ct);
        logger.LogInformation("Database ready at {Path}", dialect.Describe());
    }
}
