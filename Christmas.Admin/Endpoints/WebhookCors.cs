using Christmas.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// CORS for the webhooks only (<c>Webhooks:AllowedOrigins</c>, off by default), so a website may call them
/// from the browser: preflights from an allowed origin are answered, and every webhook answer to such a
/// request (200, 400, 404...) carries <c>Access-Control-Allow-Origin</c>. Other origins get no CORS headers.
/// </summary>
public static class WebhookCors
{
    private const string AllowedHeaders = "Content-Type";

    /// <summary>The preflight: 204 with the CORS headers for an allowed origin, else 405 as without CORS.</summary>
    public static IResult Preflight(HttpContext context, IOptionsMonitor<WebhookOptions> options)
    {
        if (AllowedOrigin(context.Request, options.CurrentValue) is not { } origin)
        {
            context.Response.Headers.Allow = "POST";
            return TypedResults.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = "POST, OPTIONS";
        var requested = context.Request.Headers.AccessControlRequestHeaders.ToString();
        headers.AccessControlAllowHeaders = string.IsNullOrWhiteSpace(requested) ? AllowedHeaders : requested;
        headers.AccessControlMaxAge = "600";
        headers.Vary = "Origin";
        return TypedResults.NoContent();
    }

    /// <summary>An endpoint filter adding the CORS headers to a webhook's answer for an allowed origin.</summary>
    public static async ValueTask<object?> AddHeadersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<WebhookOptions>>().CurrentValue;
        if (AllowedOrigin(http.Request, options) is { } origin)
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }
        return await next(context);
    }

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
