using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Persistence;

/// <summary>
/// Creates the data directory and applies migrations before anything reads or writes, under the
/// dialect's migration lock, so instances starting together apply each migration once, one after the other.
/// </summary>
public sealed class DatabaseInitializer(DataPaths paths, RunningAppLock running, SqlDialect dialect, IDbContextFactory<CampaignDbContext> contexts, ILogger<DatabaseInitializer> logger)
{
    /// <param name="seed">Start-time seeding (templates, the first Admin), run under the same lock so two instances never both seed.</param>
    public async Task InitializeAsync(Func<CancellationToken, Task> seed, CancellationToken ct)
    {
        DataDirectoryPermissions.Secure(paths.Directory);
        running.Hold();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using (await dialect.LockForMigrationAsync(ct))
        {
            // Created first, so EF's look for applied migrations does not log a failed query on a new database.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
            await dialect.AfterMigrateAsync(db, ct);
            await seed(ct);
        }
        logger.LogInformation("Database ready at {Path}", dialect.Describe());
    }
}
