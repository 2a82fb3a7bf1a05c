using Christmas.Admin.Security;
using Christmas.Admin.Security.Scopes;
using Christmas.Core.Common;
using Christmas.Core.Contacts.Import;
using Christmas.Core.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// <c>POST /api/contacts/import</c>: contacts (or suppression entries) from a CSV body or a multipart upload. Any operator
/// may import contacts; <c>mode=suppress</c> needs an Admin, like adding to the suppression list by hand.
/// </summary>
public static class ContactImportApi
{
    /// <summary>The largest file taken (about a million rows of a typical list); Kestrel's default of 30 MB is lower.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    private static readonly string[] CsvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

    public static IEndpointRouteBuilder MapContactImportApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/api/contacts/import", ImportAsync).WithTags("Contacts").WithName("importContacts").RequireScope(ApiScopes.ContactsWrite)
            .WithSummary("Import contacts from CSV (text/csv body, or multipart with a `file` field)")
            .WithDescription("`mode` upsert (default), skip-existing or suppress (Admins: the addresses go on the suppression list); `dryRun=true` " +
                "checks and counts, writing nothing; `map=Header:field,...` overrides the detected columns. Never starts a sequence. " +
                "A bad row is skipped and named in `errors` (row = the CSV line, header = 1; column = its header); the others go in.")
            // One Accepts: routing answers 415 to any other content type.
            .Accepts<IFormFile>("multipart/form-data", CsvTypes)
            // Cross-site posts are refused by SameOriginRequests (the cookie is SameSite=Strict; scripts use the token).
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxBytes })
            .Produces<CsvImportResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, CsvContactImporter importer, IAuthorizationService authorization,
        CancellationToken ct, string? mode = null, bool? dryRun = null, string? map = null)
    {
        Stream body;
        string file;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } upload)
                return ApiResults.Invalid("file", "Send the CSV as the multipart field 'file'.");
            body = upload.OpenReadStream();
            file = upload.FileName;
            mode = Field(form, "mode") ?? mode;
            map = Field(form, "map") ?? map;
            if (Field(form, "dryRun") is { } dry)
            {
                if (!bool.TryParse(dry, out var parsed)) return ApiResults.Invalid("dryRun", "dryRun must be true or false.");
                dryRun = parsed;
            }
        }
        else if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && CsvTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            body = request.Body;
            file = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
                && disposition.FileName.HasValue ? disposition.FileName.Value!.Trim('"') : "request body";
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the CSV as text/csv, or as multipart/form-data with the field 'file'.");
        }

        if (!CsvImportModes.TryParse(mode, out var importMode)) return ApiResults.Invalid("mode", $"mode must be {CsvImportModes.Names}.");
        if (CsvColumnMap.ParseOverrides(map, out var overrides) is { } mapError) return ApiResults.Invalid("map", mapError);
        if (importMode == CsvImportMode.Suppress && !(await authorization.AuthorizeAsync(request.HttpContext.User, OperatorPolicy.AdminOnly)).Succeeded)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "mode=suppress puts addresses on the suppression list: Admins only.");

        var context = new CsvImportContext(importMode, dryRun ?? false, Path.GetFileName(file), request.HttpContext.ActorName());
        await using (body)
        {
            var outcome = await importer.ImportAsync(body, context, overrides, progress: null, ct);
            if (outcome is { Kind: OutcomeKind.Invalid, Error: { } error })
            {
                var field = error[..error.IndexOf(':')];
                return ApiResults.Invalid(field, error[(field.Length + 2)..]);
            }
            return ApiResults.From(outcome);
        }
    }

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
}
