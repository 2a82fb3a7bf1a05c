using System.Text.Json;
using Christmas.Admin.ApiDocs;
using Christmas.Admin.Security.Scopes;
using Christmas.Admin.Security;
using Christmas.Core.Backups;
using Christmas.Core.Tokens;

namespace Christmas.Admin.Endpoints;

/// <summary><c>/api/held-steps</c> (Admins): the steps a restore held, and their release or cancellation.</summary>
public static class HeldStepsApi
{
    /// <summary><c>{"ids": [1, 2]}</c> or <c>{"all": true}</c>.</summary>
    public sealed record HeldStepsRequest(long[]? Ids, bool? All);

    public sealed record ReleasedView(int Released);

    public sealed record CancelledView(int Cancelled);

    public static IEndpointRouteBuilder MapHeldStepsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/held-steps").WithTags("Backups").RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.Admin);
        group.MapGet("", PageAsync).WithName("listHeldSteps").WithSummary("Steps held after a restore, earliest first")
            .Produces<PagedView<HeldStepView>>().ProducesValidationProblem();
        group.MapPost("/release", ReleaseAsync).WithName("releaseHeldSteps")
            .WithSummary("Back to scheduled: sent as usual (`{\"ids\": [...]}` or `{\"all\": true}`)")
            .DocumentsJsonBody<HeldStepsRequest>().Produces<ReleasedView>().ProducesValidationProblem();
        group.MapPost("/cancel", CancelAsync).WithName("cancelHeldSteps")
            .WithSummary("Cancelled, never sent (`{\"ids\": [...]}` or `{\"all\": true}`)")
            .DocumentsJsonBody<HeldStepsRequest>().Produces<CancelledView>().ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> PageAsync(HeldSteps held, CancellationToken ct, int? page = null, int? size = null)
    {
        if (ApiResults.CheckPage(page, size, 50, out var paging) is { } bad) return bad;
        return TypedResults.Ok(PagedView<HeldStepView>.From(await held.PageAsync(paging, ct)));
    }

    private static async Task<IResult> ReleaseAsync(HttpRequest request, HeldSteps held, CancellationToken ct)
    {
        var (ids, error) = await ReadAsync(request, ct);
        if (error is not null) return error;
        return TypedResults.Ok(new ReleasedView(await held.ReleaseAsync(ids, request.HttpContext.ActorName(), ct)));
    }

    private static async Task<IResult> CancelAsync(HttpRequest request, HeldSteps held, CancellationToken ct)
    {
        var (ids, error) = await ReadAsync(request, ct);
        if (error is not null) return error;
        return TypedResults.Ok(new CancelledView(await held.CancelAsync(ids, request.HttpContext.ActorName(), ct)));
    }

    /// <returns>The ids, null for all; or the 400 to answer.</returns>
    private static async Task<(IReadOnlyCollection<long>? Ids, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        const string usage = "Send {\"ids\": [1, 2]} or {\"all\": true}.";
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return (null, error);
        if (body.Root.ValueKind != JsonValueKind.Object) return (null, ApiResults.Invalid("ids", usage));
        var all = body.Root.TryGetProperty("all", out var a) && a.ValueKind == JsonValueKind.True;
        if (!body.Root.TryGetProperty("ids", out var list) || list.ValueKind == JsonValueKind.Null)
            return all ? (null, null) : (null, ApiResults.Invalid("ids", usage));
        if (all) return (null, ApiResults.Invalid("all", "Give either ids or \"all\": true, not both."));
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            return (null, ApiResults.Invalid("ids", "ids must be a non-empty array of step ids."));
        var ids = new List<long>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id)) return (null, ApiResults.Invalid("ids", "ids must be whole numbers."));
            ids.Add(id);
        }
        if (ids.Count > 10_000) return (null, ApiResults.Invalid("ids", "At most 10000 ids; use {\"all\": true} for every held step."));
        return (ids.Distinct().ToList(), null);
    }
}
