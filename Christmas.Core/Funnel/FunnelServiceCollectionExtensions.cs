using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Funnel;

public static class FunnelServiceCollectionExtensions
{
    /// <summary>The funnel's read side (API and console page).</summary>
    public static IServiceCollection AddFunnel(this IServiceCollection services) => services.AddSingleton<FunnelQueries>();
}
