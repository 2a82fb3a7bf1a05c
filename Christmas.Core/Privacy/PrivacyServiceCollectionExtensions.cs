using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>A person's export and erasure, and the keyed hashes erased addresses are kept as.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<ErasedAddresses>();
        services.AddSingleton<ContactExport>();
        services.AddSingleton<ContactEraser>();
        return services;
    }
}
