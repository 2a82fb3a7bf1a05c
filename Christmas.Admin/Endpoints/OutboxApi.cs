using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Core.Delivery.Outbox;

namespace Christmas.Admin.Endpoints;

public static class OutboxApi
{
    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/api/outbox", ListAsync).WithTags("Outbox").RequireScope(ApiScopes.MonitoringRead)
            .WithSummary("Emails stored by the Outbox sender, newest first (`to` filters by recipient)")
            .Produces<PagedView<OutboxMessageView>>().ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> ListAsync(OutboxQueries queries, CancellationToken ct,
        string? to = null, int? page = null, int? size = null)
    {
        if (ApiResults.CheckPage(page, size, 25, out var paging) is { } bad) return bad;
        var found = await queries.ListAsync(to, paging, ct);
        return TypedResults.Ok(PagedView<OutboxMessageView>.From(found));
    }
}
