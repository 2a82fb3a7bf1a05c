using Christmas.Core.Campaign.Live;
using Christmas.Core.Campaign.Revisions;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Campaign;

public static class CampaignDefinitionServiceCollectionExtensions
{
    /// <summary>The campaign definition as data: the stored revisions and draft, revision 1's start-up seeding, and the revision in force.</summary>
    public static IServiceCollection AddCampaignDefinition(this IServiceCollection services)
    {
        services.AddSingleton<CampaignDefinitionStore>();
        services.AddSingleton<DraftEditor>();
        services.AddSingleton<Editing.DraftWorkspaces>();
        services.AddSingleton<RevisionHistory>();
        services.AddSingleton<RevisionOneSeeder>();
        services.AddSingleton<GeneratedWebhookKeys>();
        services.AddSingleton<PublishedCampaign>();
        return services;
    }
}
