using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>The change feed's EF side (the database registration adds the interceptor to every context) and its pruning.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.AddSingleton<ChangeFeedInterceptor>();
        services.AddSingleton<ChangeFeedPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedPruner>());
        return services;
    }
}
