namespace Christmas.Admin.Extensions;

/// <summary>
/// Which requests are a person's browser asking for a console page (an unknown one gets the app's
/// not-found page) and which are API calls (an unknown one keeps the problem+json 404).
/// </summary>
public static class ConsolePageRequests
{
    private static readonly string[] ApiPrefixes = ["/api", "/openapi", "/metrics", "/health", "/hangfire", "/_framework", "/_content", "/_blazor"];

    public static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !ApiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
