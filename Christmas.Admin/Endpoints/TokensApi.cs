using System.Text.Json;
using Christmas.Admin.ApiDocs;
using Christmas.Admin.Security;
using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;

namespace Christmas.Admin.Endpoints;

/// <summary><c>/api/tokens</c>: named API tokens with scopes (Admins and admin tokens). The secret is answered once, on creation.</summary>
public static class TokensApi
{
    /// <summary>The creation's body, for the API documentation.</summary>
    public sealed record TokenRequest(string Name, IReadOnlyList<string> Scopes, DateTime? ExpiresAt);

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.Admin);
        group.MapGet("", ListAsync).WithName("listTokens")
            .WithSummary("Every token, newest first: name, scopes, expiry, last use, revocation; never a secret")
            .Produces<IReadOnlyList<ApiTokenView>>();
        group.MapPost("", CreateAsync).WithName("createToken")
            .WithSummary("Make a token; the answer's `secret` is shown this once (audited)")
            .WithDescription($"Body: {{\"name\", \"scopes\": [...], \"expiresAt\"?}}; scopes are {string.Join(", ", ApiScopes.All)}.")
            .DocumentsJsonBody<TokenRequest>()
            .Produces<CreatedApiToken>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:long}", RevokeAsync).WithName("revokeToken")
            .WithSummary("Revoke a token: it is refused from the next call on (audited)")
            .Produces<ApiTokenView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(ApiTokenOperations tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(ct));

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiTokenOperations tokens, TimeProvider time, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        if (body.Root.ValueKind != JsonValueKind.Object) return ApiResults.Invalid("name", "Send {\"name\": \"...\", \"scopes\": [\"...\"], \"expiresAt\": null}.");
        if (Parse(body.Root, out var parsed) is { } bad) return bad;
        if (parsed.Check(time.GetUtcNow().UtcDateTime) is { } invalid) return ApiResults.Invalid(invalid.Field, invalid.Message);
        var created = await tokens.CreateAsync(parsed, request.HttpContext.ActorName(), ct);
        return created.Value is { } token ? TypedResults.Created($"/api/tokens/{token.Id}", token) : ApiResults.From(created);
    }

    private static async Task<IResult> RevokeAsync(long id, HttpContext context, ApiTokenOperations tokens, CancellationToken ct) =>
        ApiResults.From(await tokens.RevokeAsync(id, context.ActorName(), ct));

    private static IResult? Parse(JsonElement root, out ApiTokenRequest request)
    {
        request = new ApiTokenRequest(null, null, null);
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        List<string>? scopes = null;
        if (root.TryGetProperty("scopes", out var s))
        {
            if (s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                return ApiResults.Invalid("scopes", "scopes must be an array of strings, e.g. [\"monitoring:read\"].");
            scopes = s.EnumerateArray().Select(e => e.GetString()!).ToList();
        }
        DateTime? expiresAt = null;
        if (root.TryGetProperty("expiresAt", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            if (e.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(e.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                return ApiResults.Invalid("expiresAt", "expiresAt must be an ISO 8601 time, e.g. \"2026-12-31T23:59:00Z\", or null.");
            expiresAt = at.UtcDateTime;
        }
        request = new ApiTokenRequest(name, scopes, expiresAt);
        return null;
    }
}
