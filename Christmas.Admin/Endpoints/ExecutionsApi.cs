using System.Globalization;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>Kestra-like executions and logs, under both the guide's and Kestra's paths.</summary>
public static class ExecutionsApi
{
    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/v1").WithTags("Executions");
        group.MapGet("/executions", SearchAsync)
            .WithSummary("Webhook calls (executions), newest first").Produces<ExecutionPage>().ProducesValidationProblem();
        group.MapGet("/executions/search", SearchAsync)
            .WithSummary("Search executions (Kestra's path and filters)").Produces<ExecutionPage>().ProducesValidationProblem();
        group.MapGet("/executions/{id}", GetAsync)
            .WithSummary("One execution: handler, payload, state, warnings").Produces<ExecutionView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/executions/{id}/logs", LogsAsync)
            .WithSummary("An execution's log lines (the guide's path)").Produces<IReadOnlyList<ExecutionLogView>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/logs/{id}", LogsAsync)
            .WithSummary("An execution's log lines (Kestra's path)").Produces<IReadOnlyList<ExecutionLogView>>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SearchAsync(ExecutionQueries queries, HandlerCatalog handlers, CancellationToken ct,
        int? page = null, int? size = null, string? flowId = null, string? state = null,
        string? startDate = null, string? endDate = null, string? @namespace = null)
    {
        if (ApiResults.CheckPage(page, size, 25, out var paging) is { } bad) return bad;
        if (flowId is not null && handlers.Find(flowId) is null) return ApiResults.Invalid("flowId", $"flowId '{flowId}' is not one of the handlers.");
        if (!TryParseDate(startDate, out var start)) return ApiResults.Invalid("startDate", "startDate must be an ISO 8601 timestamp with an offset.");
        if (!TryParseDate(endDate, out var end)) return ApiResults.Invalid("endDate", "endDate must be an ISO 8601 timestamp with an offset.");
        if (@namespace is not null && @namespace != Execution.Namespace)
            return TypedResults.Ok(new { results = Array.Empty<ExecutionView>(), total = 0 });

        var found = await queries.SearchAsync(new ExecutionFilter(flowId, state, start, end), paging, ct);
        return TypedResults.Ok(new { results = found.Results, total = found.Total });
    }

    private static async Task<IResult> GetAsync(string id, ExecutionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } execution ? TypedResults.Ok(execution) : ApiResults.NotFound($"Execution '{id}' does not exist.");

    private static async Task<IResult> LogsAsync(string id, ExecutionQueries queries, CancellationToken ct) =>
        await queries.LogsAsync(id, ct) is { } logs ? TypedResults.Ok(logs) : ApiResults.NotFound($"Execution '{id}' does not exist.");

    private static bool TryParseDate(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        value = parsed.UtcDateTime;
        return true;
    }
}
