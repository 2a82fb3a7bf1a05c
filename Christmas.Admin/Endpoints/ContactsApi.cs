using Christmas.Core.Contacts;

namespace Christmas.Admin.Endpoints;

public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/contacts").WithTags("Contacts");
        group.MapGet("", SearchAsync);
        group.MapGet("/{email}", GetAsync);
        return api;
    }

    private static async Task<IResult> SearchAsync(ContactQueries queries, CancellationToken ct,
        string? search = null, string? segment = null, int? page = null, int? size = null)
    {
        if (ApiResults.CheckPage(page, size, 25, out var paging) is { } bad) return bad;
        Segment? wanted = null;
        if (!string.IsNullOrEmpty(segment))
        {
            var name = Enum.GetNames<Segment>().FirstOrDefault(n => n.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (name is null) return ApiResults.Invalid("segment", "segment must be CRITICAL, URGENT or OPTIMIZE.");
            wanted = Enum.Parse<Segment>(name);
        }
        var found = await queries.SearchAsync(search, wanted, paging, ct);
        return TypedResults.Ok(new { results = found.Results, total = found.Total, page = found.PageNumber, size = found.Size });
    }

    private static async Task<IResult> GetAsync(string email, ContactQueries queries, CancellationToken ct) =>
        await queries.GetAsync(email, ct) is { } contact ? TypedResults.Ok(contact) : ApiResults.NotFound($"No contact has the email '{email}'.");
}
