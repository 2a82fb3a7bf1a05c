using Christmas.Core.Webhooks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Christmas.Admin.Health;

/// <summary>
/// Degraded in Production while a handler is on the guide's public key (the calls still work, so /health
/// stays 200); elsewhere the guide's keys are what a developer expects.
/// </summary>
public sealed class WebhookKeysHealthCheck(PublicWebhookKeys keys, IHostEnvironment environment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var onGuideKeys = environment.IsProduction() ? keys.HandlersOnGuideKeys() : [];
        return Task.FromResult(onGuideKeys.Count == 0
            ? HealthCheckResult.Healthy(environment.IsProduction() ? "Every handler has its own key." : "Not Production: the guide's keys are fine.")
            : HealthCheckResult.Degraded(PublicWebhookKeys.Advice(onGuideKeys)));
    }
}
