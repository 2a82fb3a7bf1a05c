using Christmas.Admin.Security.Scopes;
using Christmas.Admin.Security;
using Christmas.Core.Retention;
using Christmas.Core.Tokens;

namespace Christmas.Admin.Endpoints;

/// <summary><c>/api/retention</c> (Admins): the retention settings, the last purge and the database's size; and "Purge now".</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/retention").WithTags("Retention").RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.Admin);
        group.MapGet("", GetAsync).WithName("getRetention")
            .WithSummary("Retention settings (days; 0 keeps forever), the last purge (rows per kind) and the database's size and rows per table")
            .Produces<RetentionStatus>();
        group.MapPost("/purge", PurgeAsync).WithName("purgeRetention")
            .WithSummary("Purge now: everything past its retention, in transactions of at most 1,000 rows (audited)")
            .WithDescription("Answers the rows purged and the transactions taken per kind: executions, outboxBodies, sendBatches, deliveryEvents, auditLog. A second run right after purges 0.")
            .Produces<RetentionRun>().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> GetAsync(RetentionStatusReader status, CancellationToken ct) =>
        TypedResults.Ok(await status.ReadAsync(ct));

    private static async Task<IResult> PurgeAsync(HttpContext context, RetentionPurge purge, CancellationToken ct) =>
        await purge.RunAsync(context.ActorName(), ct) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem("Another instance is purging now; its run shows in GET /api/retention when it ends.", statusCode: StatusCodes.Status409Conflict);
}
