using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Christmas.Admin.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            // Anonymous callers (load balancers) get the status only; the checks' details name configuration
            // and handlers, so they go to a signed-in user or a token. Never exception text.
            ResponseWriter = (context, report) => context.User.Identity?.IsAuthenticated == true
                ? context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
                })
                : context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }),
        }).AllowAnonymous();
        return app;
    }
}
