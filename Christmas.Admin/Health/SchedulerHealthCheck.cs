using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Christmas.Admin.Health;

/// <summary>Healthy when Hangfire's store answers and a server of this app is heartbeating in it.</summary>
public sealed class SchedulerHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} scheduler server(s)")
                : HealthCheckResult.Unhealthy("No scheduler server is running."));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The scheduler's store does not answer.", ex));
        }
    }
}
