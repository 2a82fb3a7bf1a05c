using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The purge and what reports it. The daily schedule needs Hangfire's recurring jobs, so the host that runs
    /// Hangfire adds it with <see cref="AddRetentionSchedule"/>.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.Executions >= 0 && o.OutboxBodies >= 0 && o.DeliveryEvents >= 0 && o.AuditLog >= 0,
                "Retention:Executions, Retention:OutboxBodies, Retention:DeliveryEvents and Retention:AuditLog are days: 0 (keep forever) or more.")
            .ValidateOnStart();
        // In the order they run and are reported.
        services.AddSingleton<IRetentionTarget, ExecutionRetention>();
        services.AddSingleton<IRetentionTarget, OutboxRetention>();
        services.AddSingleton<IRetentionTarget, SendBatchRetention>();
        services.AddSingleton<IRetentionTarget, DeliveryEventRetention>();
        services.AddSingleton<IRetentionTarget, AuditLogRetention>();
        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<RetentionRunStore>();
        services.AddSingleton<RetentionPurge>();
        services.AddTransient<RetentionPurgeJob>();
        services.AddSingleton<DatabaseSizeReader>();
        services.AddSingleton<RetentionStatusReader>();
        return services;
    }

    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services) =>
        services.AddHostedService<RetentionSchedule>();
}
