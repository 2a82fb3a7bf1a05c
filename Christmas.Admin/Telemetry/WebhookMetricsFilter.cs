using Christmas.Core.Campaign.Live;
using Christmas.Admin.Endpoints;
using Christmas.Core.Telemetry;
using Christmas.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Telemetry;

/// <summary>
/// Counts each webhook call by handler and outcome from the answer it got: a counter add, nothing
/// else on the hot path. An unknown handler name counts as "unknown" (the URL is anyone's to make up).
/// </summary>
public static class WebhookMetricsFilter
{
    /// <summary>Adds the count to a webhook group, unless metrics are off (then the endpoints have no filter at all).</summary>
    public static RouteGroupBuilder CountWebhookCalls(this RouteGroupBuilder group)
    {
        var services = ((IEndpointRouteBuilder)group).ServiceProvider;
        if (services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled) group.AddEndpointFilterFactory(Create);
        return group;
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var metrics = factory.ApplicationServices.GetRequiredService<CampaignMetrics>();
        var campaign = factory.ApplicationServices.GetRequiredService<PublishedCampaign>();
        return async context =>
        {
            // Only published names become labels: a probe's made-up names cannot grow the metric's series.
            var handler = context.HttpContext.Request.RouteValues["handler"] is string name && campaign.Latest.Handler(name) is { } known ? known.Name : "unknown";
            try
            {
                var result = await next(context);
                metrics.WebhookHandled(handler, OutcomeOf(result));
                return result;
            }
            catch
            {
                metrics.WebhookHandled(handler, "failed");
                throw;
            }
        };
    }

    private static string OutcomeOf(object? result) => result switch
    {
        Ok<WebhookResponse> { Value.Deduplicated: true } => "deduplicated",
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } => "accepted",
        // An unknown handler or a wrong key (answered alike).
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status404NotFound } => "refused",
        IStatusCodeHttpResult { StatusCode: >= 500 } => "failed",
        _ => "invalid",
    };
}
