namespace Christmas.Admin.Endpoints.Monitoring;

/// <summary>
/// Where the Kestra-like monitoring API lives: Kestra's old paths (<c>/api/v1/...</c>) and its tenant
/// paths (0.23+, <c>/api/v1/main/...</c>; the open-source tenant is always "main"), the same endpoints under both.
/// </summary>
public static class MonitoringRoutes
{
    public static readonly string[] Roots = ["/api/v1", "/api/v1/main"];
}
