using Christmas.Admin.Security;
using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Telemetry;

public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary><c>GET /metrics</c>: Prometheus text, behind the operator policy (a token with the metrics scope, or a signed-in user).</summary>
    public static IEndpointRouteBuilder MapChristmasMetrics(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled) return app;
        var gauges = app.ServiceProvider.GetRequiredService<StepGauges>(); // creates the gauges before the first scrape
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, optionsName: null, configureBranchedPipeline: scrape => scrape.Use(async (context, next) =>
            {
                await gauges.RefreshIfStaleAsync(context.RequestAborted);
                await next(context);
            }))
            .RequireAuthorization(OperatorPolicy.Name).RequireScope(ApiScopes.Metrics);
        return app;
    }
}
