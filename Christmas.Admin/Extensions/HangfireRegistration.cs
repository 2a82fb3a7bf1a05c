using Christmas.Admin.Security;
using Christmas.Admin.Security.Scopes;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Christmas.Core.Persistence.Dialects;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Extensions;

/// <summary>
/// Hangfire embedded: on its own SQLite file, or in the shared PostgreSQL database's "hangfire" schema. Storage and activator are this container's own
/// singletons (Hangfire's statics would leak between hosts in tests; stack-notes.md).
/// </summary>
public static class HangfireRegistration
{
    public static IServiceCollection AddChristmasHangfire(this IServiceCollection services)
    {
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobStorage>(sp =>
        {
            // Resolving the configuration first lets Hangfire set up its logging before the storage starts.
            sp.GetRequiredService<IGlobalConfiguration>();
            var o = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
            // Jobs take well under a second; a job still "in flight" this long after a crash runs again, harmlessly.
            var invisibility = TimeSpan.FromMinutes(10);
            if (sp.GetRequiredService<SqlDialect>() is PostgreSqlDialect postgres)
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(postgres.ConnectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    QueuePollInterval = o.QueuePollInterval,
                    // A dequeued job stays invisible to other instances while its worker keeps renewing it,
                    // so a short timeout is safe and a killed instance's jobs come back in minutes.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(2),
                    JobExpirationCheckInterval = TimeSpan.FromMinutes(15),
                });
            return new SQLiteStorage(sp.GetRequiredService<DataPaths>().HangfireDatabase, new SQLiteStorageOptions
            {
                QueuePollInterval = o.QueuePollInterval,
                InvisibilityTimeout = invisibility,
                JobExpirationCheckInterval = TimeSpan.FromMinutes(15),
            });
        });
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new DisposalTolerantLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, server) =>
        {
            var o = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
            server.WorkerCount = o.WorkerCount;
            server.ServerName = $"christmas-{Environment.MachineName}-{Environment.ProcessId}";
            server.ShutdownTimeout = TimeSpan.FromSeconds(5);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        // Recurring jobs, registered once the storage is up.
        services.AddHostedService<Christmas.Core.Backups.BackupSchedule>();
        return services;
    }

    public static IEndpointRouteBuilder MapChristmasHangfireDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "Christmas Campaign scheduler",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(Christmas.Core.Tokens.ApiScopes.Admin);
        return app;
    }
}
