using Christmas.Core.Common;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>Kestra-like flow listing: the guide's <c>GET /api/v1/flows</c> and Kestra's <c>/api/v1/flows/{namespace}</c>.</summary>
public static class FlowsApi
{
    public sealed record FlowView(string Namespace, string Id, string Description, string WebhookPath, string? Starts);

    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/v1/flows").WithTags("Flows");
        group.MapGet("", List).WithSummary("The five handlers").Produces<IEnumerable<FlowView>>();
        group.MapGet("/{ns}", ListInNamespace).WithSummary("The handlers of a namespace (christmas.handlers)")
            .Produces<IEnumerable<FlowView>>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static IResult List(HandlerCatalog handlers) => TypedResults.Ok(Flows(handlers));

    private static IResult ListInNamespace(string ns, HandlerCatalog handlers) =>
        ns == Execution.Namespace ? TypedResults.Ok(Flows(handlers)) : ApiResults.NotFound($"No flows in namespace '{ns}'.");

    private static IEnumerable<FlowView> Flows(HandlerCatalog handlers) => handlers.All.Select(h =>
        new FlowView(Execution.Namespace, h.Name, h.Description, h.WebhookPath, h.Starts?.ToApiName()));
}
