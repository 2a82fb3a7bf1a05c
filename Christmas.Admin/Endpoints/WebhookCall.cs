using Christmas.Core.Persistence;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>Validates and ingests one handler call; shared by the webhooks and the manual trigger.</summary>
public sealed class WebhookCall(WebhookValidator validator, WebhookIngestor ingestor, TimeProvider time, ILogger<WebhookCall> logger)
{
    public Task<IResult> HandleAsync(HandlerDefinition handler, JsonBody body, string trigger, CancellationToken ct)
    {
        var validation = validator.Validate(handler, body.Root, time.GetUtcNow().UtcDateTime);
        if (validation.Input is not { } input) return Task.FromResult(Invalid(validation.Errors));
        return GuardAsync(handler, async () => TypedResults.Ok(WebhookResponse.ForWebsite(await ingestor.IngestAsync(input, trigger, ct))), ct);
    }

    /// <summary>The operators' trigger: the same validation and ingest through <see cref="ManualTrigger"/>, which also audits.</summary>
    public Task<IResult> HandleManualAsync(HandlerDefinition handler, JsonBody body, string actor, ManualTrigger trigger, CancellationToken ct) =>
        GuardAsync(handler, async () =>
        {
            var started = await trigger.StartAsync(handler, body.Root, actor, ct);
            return started.Result is { } result ? TypedResults.Ok(WebhookResponse.From(result)) : Invalid(started.Errors);
        }, ct);

    private static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");

    private async Task<IResult> GuardAsync(HandlerDefinition handler, Func<Task<IResult>> work, CancellationToken ct)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Storage trouble is not the caller's fault and nothing was committed: ask for a retry, never a 500.
            var errorId = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(ex, "Storing the {Handler} call failed: {Cause}; answered 503, nothing stored (error id {ErrorId})",
                handler.Name, StorageFault.Describe(ex), errorId);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable",
                detail: $"The call could not be stored and nothing was changed; retry shortly (error id {errorId}).");
        }
    }
}
