using Microsoft.EntityFrameworkCore.Diagnostics;
using Christmas.Core.Changes;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The app database on the configured provider, its initializer and the webhook's group-commit writer.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton<DataPaths>();
        services.AddSingleton<RunningAppLock>();
        services.AddSingleton<SqlDialect>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlDialect(
                sp.GetRequiredService<IConfiguration>().GetConnectionString("Postgres") is { Length: > 0 } cs ? cs
                    : throw new OptionsValidationException("ConnectionStrings:Postgres", typeof(DatabaseOptions),
                        ["Database:Provider is PostgreSql, so set ConnectionStrings:Postgres (e.g. Host=db;Database=christmas;Username=app;Password=...)."])),
            _ => new SqliteDialect(sp.GetRequiredService<DataPaths>().AppDatabase),
        });
        services.AddPooledDbContextFactory<CampaignDbContext>((sp, db) =>
        {
            sp.GetRequiredService<SqlDialect>().Configure(db);
            db.AddInterceptors(sp.GetRequiredService<ChangeFeedInterceptor>());
            // Start-up's migrate would diff the whole model against the snapshot (megabytes of
            // JIT and type data kept for the process's life); a test checks it per provider.
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<Instances.ThisInstance>();
        services.AddHostedService<Instances.InstanceHeartbeat>();
        services.AddSingleton<Leases.LeaseKeeper>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        return services;
    }
}
