using Christmas.Core.Notion.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Christmas.Admin.Health;

/// <summary>
/// Reports the mirror in /health's details but is always Healthy: Notion is a mirror, and its trouble
/// must never take the app (and the webhooks behind a load balancer's check) out of service.
/// </summary>
public sealed class NotionHealthCheck(NotionStatusReader reader) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var status = await reader.ReadAsync(ct);
            if (!status.Configured) return HealthCheckResult.Healthy("Notion mirror off (Notion:Token is not set).");
            var state = status.Healthy ? "in sync" : $"trouble: {status.LastError ?? "a database is not usable"}";
            return HealthCheckResult.Healthy($"Notion mirror {state}; backlog {status.Backlog}.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Healthy($"Notion mirror status unavailable: {ex.GetType().Name}.");
        }
    }
}
