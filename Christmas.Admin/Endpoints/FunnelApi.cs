using Christmas.Core.Common;
using Christmas.Core.Funnel;
using Christmas.Core.Sequences;

namespace Christmas.Admin.Endpoints;

/// <summary><c>GET /api/funnel?kind=</c>: one sequence kind's funnel, or all four without <c>kind</c>.</summary>
public static class FunnelApi
{
    public static IEndpointRouteBuilder MapFunnelApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/api/funnel", GetAsync).WithTags("Funnel")
            .WithSummary("Per email of a sequence: sent, delivered, opened, clicked, bounced, complained, unsubscribed")
            .WithDescription("With `kind` (assessment, noshow, postcall, onboarding): that sequence's report; without: `{\"sequences\": [...]}` with all four.")
            .Produces<FunnelReport>().ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> GetAsync(FunnelQueries funnel, CancellationToken ct, string? kind = null)
    {
        if (kind is null) return TypedResults.Ok(new { sequences = await funnel.AllAsync(ct) });
        var known = Enum.GetValues<SequenceKind>();
        if (known.FirstOrDefault(k => k.ToApiName() == kind.Trim().ToLowerInvariant()) is var match && match.ToApiName() != kind.Trim().ToLowerInvariant())
            return ApiResults.Invalid("kind", $"must be one of: {string.Join(", ", known.Select(k => k.ToApiName()))}.");
        return TypedResults.Ok(await funnel.ForAsync(match, ct));
    }
}
