using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Core.Campaign.Live;
using Christmas.Admin.Endpoints.Monitoring;
using Christmas.Core.Common;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>Kestra-like flow listing: the guide's <c>GET /api/v1/flows</c> and Kestra's <c>/api/v1/flows/{namespace}</c>, also under <c>/api/v1/main</c>.</summary>
public static class FlowsApi
{
    public sealed record FlowView(string Namespace, string Id, string Description, string WebhookPath, string? Starts);

    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder api)
    {
        foreach (var root in MonitoringRoutes.Roots)
        {
            var group = api.MapGroup($"{root}/flows").WithTags("Flows").RequireScope(ApiScopes.MonitoringRead);
            group.MapGet("", List).AcceptsQuery().WithSummary("The published handlers").Produces<IEnumerable<FlowView>>().ProducesValidationProblem();
            group.MapGet("/{ns}", ListInNamespace).AcceptsQuery().WithSummary("The handlers of a namespace ([] for another namespace, as Kestra)")
                .Produces<IEnumerable<FlowView>>().ProducesValidationProblem();
        }
        return api;
    }

    private static async Task<IResult> List(PublishedCampaign campaign, CancellationToken ct) => TypedResults.Ok(Flows(await campaign.CurrentAsync(ct)));

    /// <summary>As Kestra: the namespace's flows, <c>[]</c> for a namespace without any.</summary>
    private static async Task<IResult> ListInNamespace(string ns, PublishedCampaign campaign, CancellationToken ct) =>
        TypedResults.Ok(ns == Execution.Namespace ? Flows(await campaign.CurrentAsync(ct)) : Enumerable.Empty<FlowView>());

    private static List<FlowView> Flows(LiveCampaign campaign) => campaign.Handlers.Select(h =>
        new FlowView(Execution.Namespace, h.Name, h.Description, h.WebhookPath, h.Starts)).ToList();
}
