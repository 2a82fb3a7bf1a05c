using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>The change feed's EF side; the database registration adds the interceptor to every context.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services) =>
        services.AddSingleton<ChangeFeedInterceptor>();
}
