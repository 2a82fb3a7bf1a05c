using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Christmas.Admin.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            // Status per check, without exception text (anonymous endpoint).
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
            }),
        }).AllowAnonymous();
        return app;
    }
}
