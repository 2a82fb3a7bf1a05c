using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Persistence;

/// <summary>Creates the data directory and applies migrations before anything reads or writes.</summary>
public sealed class DatabaseInitializer(DataPaths paths, IDbContextFactory<CampaignDbContext> contexts, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Directory);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // WAL lets readers (console, API) run beside the writer. synchronous stays at SQLite's
        // default FULL: a commit is on disk before the webhook is answered.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        logger.LogInformation("Database ready at {Path}", paths.AppDatabase);
    }
}
