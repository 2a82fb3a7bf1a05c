using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Core.Campaign.Live;
using Christmas.Admin.ApiDocs;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Christmas.Admin.Security;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.Settings;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

public static class SequencesApi
{
    public sealed record RescheduleResult(int Moved, string Mode);
    /// <summary>The manual trigger's body as documented: <c>handler</c> plus that webhook's own fields.</summary>
    public sealed record TriggerRequest(string Handler, string Email);
    public sealed record CancelRequest(string? Reason);

    public static IEndpointRouteBuilder MapSequencesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/sequences").WithTags("Sequences").RequireScope(ApiScopes.ContactsWrite);
        group.MapPost("", TriggerAsync)
            .WithSummary("Start a sequence by hand: the webhook's body plus `handler`, with the webhook's validation")
            .DocumentsJsonBody<TriggerRequest>()
            .Produces<WebhookResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id:long}/cancel", CancelAsync)
            .WithSummary("End a sequence: its pending steps become cancelled (body optional)")
            .DocumentsJsonBody<CancelRequest>(required: false)
            .Produces<SequenceView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reschedule-pending", RescheduleAsync).RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.Admin)
            .WithSummary("Re-plan every pending step for the current mode and send rules").Produces<RescheduleResult>();
        api.MapPost("/api/steps/{id:long}/resend", ResendAsync).WithTags("Sequences").RequireScope(ApiScopes.ContactsWrite)
            .WithSummary("Send a step again now (a new send with its own idempotency key)")
            .Produces<StepView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>Manual trigger: <c>{"handler": "...", ...the webhook's body}</c>, with the webhook's own validation.</summary>
    private static async Task<IResult> TriggerAsync(HttpRequest request, PublishedCampaign campaign, WebhookCall call, ManualTrigger trigger,
        CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        var name = body.Root.ValueKind == JsonValueKind.Object && body.Root.TryGetProperty("handler", out var h)
            && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        var live = await campaign.CurrentAsync(ct);
        if (name is null || live.Handler(name) is not { } handler)
            return ApiResults.Invalid("handler", $"handler must be one of: {string.Join(", ", live.Handlers.Select(x => x.Name))}.");
        return await call.HandleManualAsync(handler, body, request.HttpContext.ActorName(), trigger, ct);
    }

    private static async Task<IResult> CancelAsync(long id, HttpRequest request, SequenceOperations operations, CancellationToken ct)
    {
        string? reason = null;
        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            using var body = await JsonBody.ReadAsync(request, ct);
            if (body.Error is { } error) return error;
            if (body.Root.ValueKind != JsonValueKind.Object
                || (body.Root.TryGetProperty("reason", out var r) && r.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                return ApiResults.Invalid("reason", "Send {\"reason\": \"...\"} or no body.");
            reason = body.Root.TryGetProperty("reason", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            if (reason?.Length > 500) return ApiResults.Invalid("reason", "reason must be at most 500 characters.");
        }
        return ApiResults.From(await operations.CancelAsync(id, reason, request.HttpContext.ActorName(), ct));
    }

    private static async Task<IResult> ResendAsync(long id, HttpContext context, SequenceOperations operations, CancellationToken ct) =>
        ApiResults.From(await operations.ResendAsync(id, context.ActorName(), ct));

    private static async Task<IResult> RescheduleAsync(HttpContext context, SequenceOperations operations, TestingModeStore mode, CancellationToken ct)
    {
        var moved = await operations.ReschedulePendingAsync(null, context.ActorName(), ct);
        return TypedResults.Ok(new RescheduleResult(moved, await mode.IsEnabledAsync(ct) ? "testing" : "production"));
    }
}
