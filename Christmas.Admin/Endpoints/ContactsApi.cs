using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Admin.Security;
using Christmas.Core.Contacts;
using Christmas.Core.Privacy;

namespace Christmas.Admin.Endpoints;

public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/contacts").WithTags("Contacts").RequireScope(ApiScopes.ContactsRead);
        group.MapGet("", SearchAsync)
            .WithSummary("Search contacts")
            .WithDescription("`search` matches email, name and business; `segment` is CRITICAL, URGENT, OPTIMIZE or none; `sort` a field, `-` for descending.")
            .Produces<PagedView<ContactSummary>>().ProducesValidationProblem();
        group.MapGet("/export.csv", Export)
            .WithSummary("The filtered contacts as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        group.MapGet("/{email}", GetAsync)
            .WithSummary("One contact with its sequences and every step")
            .Produces<ContactDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{email}/export", ExportPersonAsync)
            .WithSummary("Everything held about one person, as one JSON document")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapDelete("/{email}", EraseAsync).RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.Admin)
            .WithSummary("Erase a person (Admin): personal data redacted, the address kept only as a keyed hash on the suppression list")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        return api;
    }

    /// <summary><c>?search=&amp;segment=CRITICAL|URGENT|OPTIMIZE|none&amp;status=active|...&amp;sort=-updated&amp;page=&amp;size=</c></summary>
    private static async Task<IResult> SearchAsync(ContactQueries queries, CancellationToken ct,
        string? search = null, string? segment = null, string? status = null, string? sort = null, int? page = null, int? size = null)
    {
        if (ApiResults.CheckPage(page, size, 25, out var paging) is { } badPage) return badPage;
        if (ParseFilter(search, segment, status, out var filter) is { } badFilter) return badFilter;
        if (ContactOrder.TryParse(sort, out var order) is { } sortError) return ApiResults.Invalid("sort", sortError);
        var found = await queries.SearchAsync(filter, order, paging, ct);
        return TypedResults.Ok(PagedView<ContactSummary>.From(found));
    }

    /// <summary>The filter's contacts as a CSV download, streamed in keyset batches (never all in memory).</summary>
    private static IResult Export(HttpContext context, ContactCsvExport export,
        string? search = null, string? segment = null, string? status = null)
    {
        if (ParseFilter(search, segment, status, out var filter) is { } bad) return bad;
        var actor = context.ActorName();
        var name = $"contacts-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
        return TypedResults.Stream(stream => export.WriteAsync(filter, stream, actor, context.RequestAborted),
            "text/csv; charset=utf-8", name);
    }

    private static async Task<IResult> GetAsync(string email, ContactQueries queries, CancellationToken ct) =>
        await queries.GetAsync(email, ct) is { } contact ? TypedResults.Ok(contact) : ApiResults.NotFound($"No contact has the email '{email}'.");

    /// <summary>Everything held about the person as one JSON download (audited).</summary>
    private static async Task<IResult> ExportPersonAsync(string email, HttpContext context, ContactExport export, CancellationToken ct)
    {
        var outcome = await export.ExportAsync(email, context.ActorName(), ct);
        if (outcome.Value is not { } document) return ApiResults.From(outcome);
        return TypedResults.File(ExportDocument.ToUtf8(document), "application/json", $"contact-export-{DateTime.UtcNow:yyyyMMdd-HHmm}.json");
    }

    /// <summary>Erases the person (Admins; the API token acts as one): 200 with what was done, never the address.</summary>
    private static async Task<IResult> EraseAsync(string email, HttpContext context, ContactEraser eraser, CancellationToken ct) =>
        ApiResults.From(await eraser.EraseAsync(email, context.ActorName(), ct));

    private static IResult? ParseFilter(string? search, string? segment, string? status, out ContactFilter filter)
    {
        if (ContactFilter.TryParse(search, segment, status, out filter) is not { } error) return null;
        var field = error[..error.IndexOf(':')];
        return ApiResults.Invalid(field, error[(field.Length + 2)..]);
    }
}
