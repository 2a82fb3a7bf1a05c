using Christmas.Core.Campaign.Editing;
using Christmas.Core.Campaign.Revisions;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Campaign;

public static class CampaignDefinitionServiceCollectionExtensions
{
    /// <summary>The campaign definition as data: the stored revisions and draft, and revision 1's start-up seeding.</summary>
    public static IServiceCollection AddCampaignDefinition(this IServiceCollection services)
    {
        services.AddSingleton<CampaignDefinitionStore>();
        services.AddSingleton<DraftEditor>();
        services.AddSingleton<RevisionHistory>();
        services.AddSingleton<RevisionOneSeeder>();
        services.AddSingleton<DraftWorkspaces>();
        return services;
    }
}
