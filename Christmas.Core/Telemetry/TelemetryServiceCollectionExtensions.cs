using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app's instruments (cheap to record into while nothing listens); the exporter is the host's choice.</summary>
    public static IServiceCollection AddCampaignTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddSingleton<CampaignMetrics>();
        services.AddSingleton<StepGauges>();
        return services;
    }
}
