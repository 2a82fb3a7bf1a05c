using Christmas.Admin.Security;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>The website's five webhooks, at the integration guide's URLs (anonymous; the key is in the path).</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/executions/webhook/christmas/handlers").WithTags("Webhooks").AllowAnonymous();
        group.MapPost("/{handler}/{key}", ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string handler, string key, HttpRequest request,
        HandlerCatalog handlers, WebhookKeys keys, WebhookCall call, CancellationToken ct)
    {
        var definition = handlers.Find(handler);
        // An unknown handler and a wrong key answer alike, so the URL space cannot be probed.
        if (definition is null || !SecretComparer.Matches(key, keys.KeyFor(definition)))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No webhook matches this URL.");

        using var body = await JsonBody.ReadAsync(request, ct);
        return body.Error ?? await call.HandleAsync(definition, body, "webhook", ct);
    }
}
