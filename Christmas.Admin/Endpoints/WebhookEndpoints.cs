using Christmas.Admin.Endpoints.Monitoring;
using Christmas.Admin.Security;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// The website's five webhooks, at the integration guide's URLs and Kestra's tenant ones (<c>/api/v1/main/...</c>);
/// anonymous, the key is in the path. CORS for <c>Webhooks:AllowedOrigins</c>: <see cref="WebhookCorsMiddleware"/>.
/// </summary>
public static class WebhookEndpoints
{
    private static readonly IResult NotFound = TypedResults.Json(
        new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.5", title = "Not Found", status = 404, detail = "No webhook matches this URL." },
        contentType: "application/problem+json", statusCode: StatusCodes.Status404NotFound);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var root in MonitoringRoutes.Roots)
        {
            var group = app.MapGroup($"{root}/executions/webhook/christmas/handlers").WithTags("Webhooks").AllowAnonymous();
            group.MapPost("/{handler}/{key}", ReceiveAsync).DisableAntiforgery();
        }
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string handler, string key, HttpRequest request,
        HandlerCatalog handlers, WebhookKeys keys, WebhookCall call, CancellationToken ct)
    {
        var definition = handlers.Find(handler);
        // An unknown handler and a wrong key answer byte for byte alike (no trace id), so the URL
        // space cannot be probed.
        if (definition is null || !SecretComparer.Matches(key, keys.KeyFor(definition)))
            return NotFound;

        using var body = await JsonBody.ReadAsync(request, ct);
        return body.Error ?? await call.HandleAsync(definition, body, "webhook", ct);
    }
}
