using Christmas.Core.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Christmas.Admin.Health;

/// <summary>
/// Degraded, never Unhealthy, while the sender is incomplete: /health stays 200 so a load balancer keeps
/// the webhooks flowing, and its details name the keys to set.
/// </summary>
public sealed class SenderHealthCheck(SenderReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!readiness.SendsRealEmail) return Task.FromResult(HealthCheckResult.Healthy("Outbox: emails are stored, none leave this machine."));
        var problems = new[] { readiness.HeldReason(), readiness.LinkWarning() }.OfType<string>().ToList();
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("Sender complete.")
            : HealthCheckResult.Degraded(string.Join(" ", problems)));
    }
}
