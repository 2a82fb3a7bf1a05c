using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Core.Common;
using Christmas.Core.Funnel;
using Christmas.Core.Sequences;

namespace Christmas.Admin.Endpoints;

/// <summary><c>GET /api/funnel?kind=</c>: one sequence kind's funnel, or all four without <c>kind</c>.</summary>
public static class FunnelApi
{
    public static IEndpointRouteBuilder MapFunnelApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/api/funnel", GetAsync).WithTags("Funnel").RequireScope(ApiScopes.MonitoringRead)
            .WithSummary("Per email of a sequence: sent, delivered, opened, clicked, bounced, complained, unsubscribed")
            .WithDescription("With `kind` (a sequence of the published definition: assessment, noshow, postcall, onboarding in revision 1): that sequence's report; without: `{\"sequences\": [...]}` with all of them.")
            .Produces<FunnelReport>().ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> GetAsync(FunnelQueries funnel, Christmas.Core.Campaign.Live.PublishedCampaign campaign, CancellationToken ct, string? kind = null)
    {
        if (kind is null) return TypedResults.Ok(new { sequences = await funnel.AllAsync(ct) });
        if (await funnel.ForAsync(kind.Trim().ToLowerInvariant(), ct) is { } report) return TypedResults.Ok(report);
        var known = (await campaign.CurrentAsync(ct)).Sequences.Select(s => s.Name);
        return ApiResults.Invalid("kind", $"must be one of: {string.Join(", ", known)}.");
    }
}
