using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Suppressions;

public static class SuppressionServiceCollectionExtensions
{
    /// <summary>The suppression list: what unsubscribes, bounces, complaints and Admins add to.</summary>
    public static IServiceCollection AddSuppressions(this IServiceCollection services)
    {
        services.AddSingleton<SuppressionList>();
        services.AddSingleton<SuppressionOperations>();
        return services;
    }
}
