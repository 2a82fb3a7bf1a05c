using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Tokens;

public static class TokenServiceCollectionExtensions
{
    /// <summary>Named, scoped operator API tokens.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddSingleton<ApiTokenOperations>();
        services.AddSingleton<ApiTokenCheck>();
        return services;
    }
}
