using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Notion.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The way off the old system: contacts and email texts from its Notion databases.</summary>
    public static IServiceCollection AddNotionImport(this IServiceCollection services)
    {
        services.AddSingleton<ContactImport>();
        services.AddSingleton<TemplateImport>();
        return services;
    }
}
