using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Admin.Security;
using Christmas.Core.Notion;
using Christmas.Core.Notion.Import;
using Christmas.Core.Notion.Status;

namespace Christmas.Admin.Endpoints;

/// <summary><c>/api/notion</c>: the mirror's status, resync, a fresh schema check, and the imports from the old databases.</summary>
public static class NotionApi
{
    public sealed record ResyncView(int Queued);

    public static IEndpointRouteBuilder MapNotionApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/notion").WithTags("Notion").RequireScope(ApiScopes.Admin);
        group.MapGet("/status", StatusAsync).RequireScope(ApiScopes.MonitoringRead).WithSummary("The mirror's status, backlog and last error").Produces<NotionStatus>();
        group.MapPost("/check", CheckAsync).WithSummary("Check both databases' schemas now")
            .Produces<NotionStatus>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/resync", ResyncAsync).RequireAuthorization(OperatorPolicy.AdminOnly)
            .WithSummary("Queue every contact and sequence for a sync").Produces<ResyncView>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/import/contacts", ImportContactsAsync).RequireAuthorization(OperatorPolicy.AdminOnly)
            .WithSummary("Import contacts from the old Notion database (`dryRun=true` to preview)")
            .Produces<ContactImportSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/import/templates", ImportTemplatesAsync).RequireAuthorization(OperatorPolicy.AdminOnly)
            .WithSummary("Import templates from the old Notion database (`dryRun=true` to preview)")
            .Produces<TemplateImportSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> StatusAsync(NotionStatusReader status, CancellationToken ct) =>
        TypedResults.Ok(await status.ReadAsync(ct));

    private static async Task<IResult> CheckAsync(NotionOperations operations, NotionStatusReader status, CancellationToken ct)
    {
        var checkedNow = await operations.CheckSchemasAsync(ct);
        return checkedNow.Error is null ? TypedResults.Ok(await status.ReadAsync(ct)) : ApiResults.From(checkedNow);
    }

    private static async Task<IResult> ResyncAsync(HttpContext context, NotionOperations operations, CancellationToken ct)
    {
        var queued = await operations.ResyncAllAsync(context.ActorName(), ct);
        return queued.Error is null ? TypedResults.Ok(new ResyncView(queued.Value)) : ApiResults.From(queued);
    }

    private static async Task<IResult> ImportContactsAsync(HttpContext context, ContactImport import, CancellationToken ct, string? dryRun = null) =>
        ParseDryRun(dryRun, out var dry) ?? ApiResults.From(await import.RunAsync(dry, context.ActorName(), null, ct));

    private static async Task<IResult> ImportTemplatesAsync(HttpContext context, TemplateImport import, CancellationToken ct, string? dryRun = null) =>
        ParseDryRun(dryRun, out var dry) ?? ApiResults.From(await import.RunAsync(dry, context.ActorName(), null, ct));

    /// <summary><c>dryRun</c> is <c>true</c> or <c>false</c> (default false); anything else is a 400, not a guess.</summary>
    private static IResult? ParseDryRun(string? value, out bool dryRun)
    {
        dryRun = false;
        if (value is null) return null;
        return bool.TryParse(value, out dryRun) ? null : ApiResults.Invalid("dryRun", "must be true or false.");
    }
}
