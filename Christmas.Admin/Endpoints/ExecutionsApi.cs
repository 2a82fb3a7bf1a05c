using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Core.Campaign.Live;
using Christmas.Admin.Endpoints.Monitoring;
using Christmas.Admin.Security;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// Kestra-like executions and logs, under the guide's and Kestra's paths, old (<c>/api/v1</c>) and tenant
/// (<c>/api/v1/main</c>) alike; replay answers the new execution.
/// </summary>
public static class ExecutionsApi
{
    private static readonly string[] LogLevels = ["ERROR", "WARN", "INFO", "DEBUG", "TRACE"];

    public sealed record PagedResults<T>(IReadOnlyList<T> Results, long Total);

    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder api)
    {
        foreach (var root in MonitoringRoutes.Roots)
        {
            var group = api.MapGroup(root).WithTags("Executions").RequireScope(ApiScopes.MonitoringRead);
            group.MapGet("/executions", SearchAsync)
                .WithSummary("Webhook calls (executions), newest first").Produces<ExecutionPage>().ProducesValidationProblem();
            group.MapGet("/executions/search", SearchAsync)
                .WithSummary("Search executions (Kestra's path, filters, sort and size up to 10,000)").Produces<ExecutionPage>().ProducesValidationProblem();
            group.MapGet("/executions/{id}", GetAsync).AcceptsQuery()
                .WithSummary("One execution: handler, payload, state, warnings").Produces<ExecutionView>().ProducesProblem(StatusCodes.Status404NotFound);
            group.MapGet("/executions/{id}/logs", LogsAsync).AcceptsQuery()
                .WithSummary("An execution's log lines (the guide's path)").Produces<IReadOnlyList<ExecutionLogView>>().ProducesProblem(StatusCodes.Status404NotFound);
            group.MapGet("/logs/{id}", KestraLogsAsync).AcceptsQuery("minLevel")
                .WithSummary("An execution's log lines (Kestra's path; [] for an unknown id)").Produces<IReadOnlyList<ExecutionLogView>>().ProducesValidationProblem();
            // Kestra 0.2x's path and 2.0's; taskRunId, revision and breakpoints mean nothing for a one-step flow, so they are refused.
            group.MapPost("/executions/{id}/replay", ReplayAsync).AcceptsQuery().DisableAntiforgery().RequireScope(ApiScopes.ContactsWrite)
                .WithSummary("Run a stored webhook call again as a new execution").Produces<ExecutionView>()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
            group.MapPost("/executions/{id}/actions/replay", ReplayAsync).AcceptsQuery().DisableAntiforgery().RequireScope(ApiScopes.ContactsWrite)
                .WithSummary("Run a stored webhook call again (Kestra 2.0's path)").Produces<ExecutionView>()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        }
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ExecutionQueries queries, PublishedCampaign campaign, TimeProvider time,
        CancellationToken ct)
    {
        if (ExecutionSearchRequest.TryParse(request.Query, await campaign.CurrentAsync(ct), time.GetUtcNow().UtcDateTime, out var error) is not { } parsed)
            return error!;
        var (filter, page) = parsed;
        if (await queries.OversizedAsync(filter, page, ct) is { } oversized)
            return ApiResults.Invalid("size", $"This page would be about {oversized.Bytes / (1024 * 1024.0):F1} MB of executions, over the "
                + $"{oversized.MaxBytes / (1024 * 1024.0):F1} MB one answer may carry (Executions:SearchMaxBytes). Ask for size={oversized.FittingSize} "
                + "or fewer, or narrow the filters.");
        var found = await queries.SearchAsync(filter, page, ct);
        return TypedResults.Ok(new PagedResults<ExecutionView>(found.Results, found.Total));
    }

    private static async Task<IResult> GetAsync(string id, ExecutionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } execution ? TypedResults.Ok(execution) : NotFound(id);

    /// <summary>The guide's path: 404 for an unknown id.</summary>
    private static async Task<IResult> LogsAsync(string id, ExecutionQueries queries, CancellationToken ct) =>
        await queries.LogsAsync(id, ct) is { } logs ? TypedResults.Ok(logs) : NotFound(id);

    /// <summary>Kestra's path: an unpaged array sorted by time, <c>[]</c> for an unknown id; <c>minLevel</c> keeps that level and worse.</summary>
    private static async Task<IResult> KestraLogsAsync(string id, ExecutionQueries queries, CancellationToken ct, string? minLevel = null)
    {
        var rank = minLevel is null ? LogLevels.Length - 1 : Array.IndexOf(LogLevels, minLevel.ToUpperInvariant());
        if (rank < 0) return ApiResults.Invalid("minLevel", $"minLevel must be one of {string.Join(", ", LogLevels)}.");
        var logs = await queries.LogsAsync(id, ct) ?? [];
        return TypedResults.Ok(logs.Where(l => Array.IndexOf(LogLevels, l.Level) is var r && r >= 0 && r <= rank).ToList());
    }

    /// <summary>Runs the stored call again through the webhook's validation and dedupe; 200 with the new execution.</summary>
    private static async Task<IResult> ReplayAsync(string id, HttpContext context, WebhookReplay replay, ExecutionQueries queries,
        ILogger<WebhookReplay> logger, CancellationToken ct)
    {
        ReplayResult replayed;
        try
        {
            replayed = await replay.ReplayAsync(id, context.ActorName(), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var errorId = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(ex, "Replaying execution {ExecutionId} failed; answered 503, nothing stored (error id {ErrorId})", id, errorId);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable",
                detail: $"The replay could not be stored and nothing was changed; retry shortly (error id {errorId}).");
        }
        if (!replayed.Found) return NotFound(id);
        if (replayed.Result is not { } result)
            return TypedResults.Problem(new HttpValidationProblemDetails(replayed.Errors.ToDictionary())
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The stored call no longer passes the webhook's validation; nothing was started.",
            });
        return await queries.GetAsync(result.ExecutionId, ct) is { } execution ? TypedResults.Ok(execution) : NotFound(result.ExecutionId);
    }

    private static IResult NotFound(string id) => ApiResults.NotFound($"Execution '{id}' does not exist.");
}
