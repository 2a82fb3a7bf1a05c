using System.Diagnostics.Metrics;
using Christmas.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Christmas.Admin.Telemetry;

/// <summary>
/// OpenTelemetry for the person on call: metrics in Prometheus text at <c>/metrics</c> (on unless
/// <c>Metrics:Enabled=false</c>), traces to an OTLP collector when <c>Tracing:OtlpEndpoint</c> (or
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set; without one no span is even created.
/// </summary>
public static class TelemetryRegistration
{
    public const string ServiceName = "christmas-campaign-console";

    public static WebApplicationBuilder AddChristmasTelemetry(this WebApplicationBuilder builder)
    {
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = builder.Configuration["Tracing:OtlpEndpoint"] is { Length: > 0 } endpoint ? endpoint
            : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!metrics.Enabled && string.IsNullOrWhiteSpace(otlp)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        if (metrics.Enabled)
            telemetry.WithMetrics(m =>
            {
                m.AddMeter(CampaignTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // Each scrape reads afresh; the database gauges have their own cache (Metrics:GaugeCacheSeconds).
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                ((IDeferredMeterProviderBuilder)m).Configure((sp, b) => b.AddView(OwnContainerOnly(sp.GetRequiredService<IMeterFactory>())));
            });
        if (!string.IsNullOrWhiteSpace(otlp))
            telemetry.WithTracing(t => t
                .AddSource(CampaignTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsEndpoint.Path);
                    // Paths carry secrets (the webhook key, the unsubscribe token): spans keep the route's template.
                    o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template })
                            activity.SetTag("url.path", template);
                    };
                })
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        return builder;
    }

    /// <summary>
    /// Meters made by another container's <see cref="IMeterFactory"/> (a second host in the same
    /// process, as in tests) share our meters' names: their measurements are not ours to count.
    /// </summary>
    private static Func<System.Diagnostics.Metrics.Instrument, MetricStreamConfiguration?> OwnContainerOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;
}
