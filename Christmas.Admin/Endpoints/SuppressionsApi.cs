using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Admin.ApiDocs;
using System.Text.Json;
using Christmas.Admin.Security;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Suppressions;

namespace Christmas.Admin.Endpoints;

/// <summary><c>/api/suppressions</c>: the list (any operator), a manual addition (any operator), a removal (Admins).</summary>
public static class SuppressionsApi
{
    public sealed record SuppressionRequest(string Email, string? Reason, string? Detail);

    public static IEndpointRouteBuilder MapSuppressionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/suppressions").WithTags("Suppressions").RequireScope(ApiScopes.ContactsRead);
        group.MapGet("", SearchAsync).WithSummary("The suppression list, searchable and paged")
            .Produces<PagedView<SuppressionView>>().ProducesValidationProblem();
        // Admins only, as on the console's Suppression list page.
        group.MapPost("", AddAsync).RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.ContactsWrite).WithSummary("Suppress an address by hand (reason `manual`)")
            .DocumentsJsonBody<SuppressionRequest>()
            .Produces<SuppressionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{email}", RemoveAsync).RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.ContactsWrite)
            .WithSummary("Take an address off the list").Produces<SuppressionView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SearchAsync(SuppressionOperations operations, CancellationToken ct,
        string? search = null, int? page = null, int? size = null)
    {
        if (ApiResults.CheckPage(page, size, 25, out var paging) is { } bad) return bad;
        var found = await operations.SearchAsync(search, paging, ct);
        return TypedResults.Ok(PagedView<SuppressionView>.From(found));
    }

    /// <summary><c>{"email": "...", "reason": "manual", "detail": "..."}</c>: reason may be left out; the others come from delivery itself.</summary>
    private static async Task<IResult> AddAsync(HttpRequest request, SuppressionOperations operations, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        if (body.Root.ValueKind != JsonValueKind.Object) return ApiResults.Invalid("email", "Send {\"email\": \"...\", \"reason\": \"manual\"}.");
        if (Text(body.Root, "email") is not { } email) return ApiResults.Invalid("email", "email is required.");
        if (EmailAddress.Normalize(email, out _) is { } invalid) return ApiResults.Invalid("email", $"email {invalid}");
        var reason = Text(body.Root, "reason");
        if (reason is not null && !reason.Equals(SuppressionReason.Manual.ToApiName(), StringComparison.OrdinalIgnoreCase))
            return ApiResults.Invalid("reason", "reason must be \"manual\" (unsubscribes, bounces and complaints are added by delivery itself).");
        var detail = Text(body.Root, "detail") ?? Text(body.Root, "note");
        if (detail?.Length > 1000) return ApiResults.Invalid("detail", "detail must be at most 1000 characters.");

        var actor = request.HttpContext.ActorName();
        var added = await operations.AddManualAsync(email, detail, actor, actor, ct);
        return added.Value is { } entry
            ? TypedResults.Created($"/api/suppressions/{Uri.EscapeDataString(entry.Email)}", entry)
            : ApiResults.From(added);
    }

    private static async Task<IResult> RemoveAsync(string email, HttpContext context, SuppressionOperations operations, CancellationToken ct) =>
        ApiResults.From(await operations.RemoveAsync(email, context.ActorName(), ct));

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
