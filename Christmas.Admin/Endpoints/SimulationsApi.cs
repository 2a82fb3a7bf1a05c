using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using System.Text.Json;
using Christmas.Core.Simulation;

namespace Christmas.Admin.Endpoints;

/// <summary><c>POST /api/simulations</c>: the campaign played forward on virtual time; nothing is written or sent.</summary>
public static class SimulationsApi
{
    /// <summary>A thousand webhook calls fit (the webhooks' own limit is 64 KiB).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The body, for the API description (it is read as JSON and checked field by field).</summary>
    public sealed record SimulationBody(int? Days, IReadOnlyList<JsonElement>? Contacts, bool? TestingMode, string? QuietHours,
        string? MinimumGap, string? OfferEndsAt);

    public static IEndpointRouteBuilder MapSimulationsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/api/simulations", SimulateAsync).WithTags("Simulations").RequireScope(ApiScopes.CampaignWrite)
            .WithSummary("Play the campaign forward on virtual time; nothing is written or sent")
            .WithDescription("`days` 1-60 (default 10); `contacts`: webhook calls `{\"handler\", \"at\"?, ...the webhook's body}` played at their times, "
                + "else every active sequence; `testingMode`, `quietHours`, `minimumGap`, `offerEndsAt` (\"off\" for none) override the configuration.")
            .Accepts<SimulationBody>("application/json")
            .Produces<SimulationResult>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    /// <summary><c>{"days": 10, "contacts"?: [{"handler", "at"?, ...the webhook's body}], "testingMode"?, "quietHours"?, "minimumGap"?, "offerEndsAt"?}</c>.</summary>
    private static async Task<IResult> SimulateAsync(HttpRequest request, SimulationRunner simulations, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct, MaxBodyBytes);
        if (body.Error is { } error) return error;
        var (result, errors) = await simulations.RunAsync(body.Root, ct);
        return result is not null
            ? TypedResults.Ok(result)
            : TypedResults.ValidationProblem(errors, title: "The simulation request is invalid.");
    }
}
