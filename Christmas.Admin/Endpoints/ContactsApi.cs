using Christmas.Admin.Security;
using Christmas.Core.Contacts;
using Christmas.Core.Privacy;

namespace Christmas.Admin.Endpoints;

public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/contacts").WithTags("Contacts");
        group.MapGet("", SearchAsync);
        group.MapGet("/export.csv", Export);
        group.MapGet("/{email}", GetAsync);
        group.MapGet("/{email}/export", ExportPersonAsync);
        group.MapDelete("/{email}", EraseAsync).RequireAuthorization(OperatorPolicy.AdminOnly);
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
        return TypedResults.Ok(new { results = found.Results, total = found.Total, page = found.PageNumber, size = found.Size });
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
