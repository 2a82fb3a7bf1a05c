using Christmas.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// CORS for the webhooks only (<c>Webhooks:AllowedOrigins</c>, off by default), so a website may call them
/// from the browser: a preflight from an allowed origin is answered 204, and every webhook answer to such a
/// request (200, 400, 404...) carries <c>Access-Control-Allow-Origin</c>. Other origins and other paths get
/// no CORS headers. A middleware, not endpoint metadata, so the preflight never depends on route matching.
/// </summary>
public sealed class WebhookCorsMiddleware(RequestDelegate next, IOptionsMonitor<WebhookOptions> options)
{
    private static readonly string[] WebhookPaths = ["/api/v1/executions/webhook/", "/api/v1/main/executions/webhook/"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!IsWebhookPath(context.Request.Path) || AllowedOrigin(context.Request, options.CurrentValue) is not { } origin)
            return next(context);

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = "Origin";
        if (!IsPreflight(context.Request)) return next(context);

        headers.AccessControlAllowMethods = "POST, OPTIONS";
        var requested = context.Request.Headers.AccessControlRequestHeaders.ToString();
        headers.AccessControlAllowHeaders = string.IsNullOrWhiteSpace(requested) ? "Content-Type" : requested;
        headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static bool IsWebhookPath(PathString path) =>
        WebhookPaths.Any(p => path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue);

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && !string.IsNullOrEmpty(request.Headers.AccessControlRequestMethod);

    /// <returns>The request's Origin when it is listed (compared without case or a trailing slash), else null.</returns>
    private static string? AllowedOrigin(HttpRequest request, WebhookOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || options.AllowedOrigins.Count == 0) return null;
        var wanted = origin.TrimEnd('/');
        var listed = options.AllowedOrigins
            .SelectMany(o => o.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Any(o => string.Equals(o.TrimEnd('/'), wanted, StringComparison.OrdinalIgnoreCase));
        return listed ? origin : null;
    }
}
