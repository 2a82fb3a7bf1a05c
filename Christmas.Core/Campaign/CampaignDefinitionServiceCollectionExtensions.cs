using Christmas.Core.Campaign.Live;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Campaign.Revisions;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Campaign;

public static class CampaignDefinitionServiceCollectionExtensions
{
    /// <summary>The campaign definition as data: the stored revisions and draft, revision 1's start-up seeding, the revision in force, the impact preview and the publisher, and the resume of a publish a crash cut short.</summary>
    public static IServiceCollection AddCampaignDefinition(this IServiceCollection services)
    {
        services.AddSingleton<CampaignDefinitionStore>();
        services.AddSingleton<DraftEditor>();
        services.AddSingleton<Editing.DraftWorkspaces>();
        services.AddSingleton<RevisionHistory>();
        services.AddSingleton<RevisionOneSeeder>();
        services.AddSingleton<GeneratedWebhookKeys>();
        services.AddSingleton<PublishedCampaign>();
        services.AddSingleton<InFlightPass>();
        services.AddSingleton<HandlerCalls>();
        services.AddSingleton<CampaignPublisher>();
        services.AddSingleton<InFlightResume>();
        services.AddHostedService<InFlightResumeService>();
        return services;
    }
}
