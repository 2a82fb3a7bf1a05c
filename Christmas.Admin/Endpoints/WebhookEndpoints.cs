using Christmas.Core.Campaign.Live;
using Christmas.Admin.Endpoints.Monitoring;
using Christmas.Admin.ApiDocs;
using Christmas.Admin.Security;
using Christmas.Admin.Telemetry;
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
            var group = app.MapGroup($"{root}/executions/webhook/christmas/handlers").WithTags("Webhooks").AllowAnonymous().CountWebhookCalls();
            group.MapPost("/{handler}/{key}", ReceiveAsync).DisableAntiforgery()
                .WithSummary("Receive a website webhook call (the integration guide's URL)")
                .WithDescription("Validates the body against the handler's fields, upserts the contact and starts (or deduplicates) the handler's sequence. " +
                    "An unknown handler and a wrong key both answer 404, byte for byte alike.")
                .DocumentsJsonBody<System.Text.Json.Nodes.JsonObject>()
                .Produces<WebhookResponse>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string handler, string key, HttpRequest request,
        PublishedCampaign campaign, WebhookKeys keys, WebhookCall call, WebhookRefusals refusals, CancellationToken ct)
    {
        // The revision in force: a handler published a moment ago is live, a removed one answers 404.
        var definition = (await campaign.CurrentAsync(ct)).Handler(handler);
        // An unknown handler and a wrong key answer byte for byte alike (no trace id), so the URL
        // space cannot be probed; the recorded reason tells the operator which it was.
        if (definition is null)
            return await refusals.RefuseAsync(request, handler, NotFound, ct, $"no handler is named '{handler}'");
        if (!SecretComparer.Matches(key, keys.KeyFor(definition)))
            return await refusals.RefuseAsync(request, definition.Name, NotFound, ct,
                $"wrong key in the URL: it does not match this handler's key (Webhooks:Keys:{definition.Name}; Settings shows it)");

        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } refused) return await refusals.RefuseAsync(request, definition.Name, refused, ct, body: body);
        var result = await call.HandleAsync(definition, body, "webhook", ct);
        return result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status400BadRequest }
            ? await refusals.RefuseAsync(request, definition.Name, result, ct, body: body)
            : result;
    }
}
