using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Simulation;

public static class SimulationServiceCollectionExtensions
{
    /// <summary>The campaign simulator (<c>POST /api/simulations</c> and the console's simulator page).</summary>
    public static IServiceCollection AddSimulation(this IServiceCollection services) => services
        .AddSingleton<SimulationRequestReader>()
        .AddSingleton<SimulationLoader>()
        .AddSingleton<CampaignSimulator>()
        .AddSingleton<SimulationRunner>();
}
