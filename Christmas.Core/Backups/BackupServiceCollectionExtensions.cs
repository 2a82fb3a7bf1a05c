using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Backups;

public static class BackupServiceCollectionExtensions
{
    /// <summary>Backups (made now or on <c>Backup:Schedule</c>), the restore and the held steps it leaves.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section)
            .Validate(o => o.Keep >= 1, "Backup:Keep must be 1 or more (default 14).")
            .ValidateOnStart();
        services.AddSingleton<BackupFolder>();
        services.AddSingleton<SqliteBackupMaker>();
        services.AddSingleton<BackupJob>();
        services.AddSingleton<DatabaseRestore>();
        services.AddSingleton<HeldSteps>();
        return services;
    }
}
