using Christmas.Admin.Security.Scopes;
using Christmas.Admin.Security;
using Christmas.Core.Audit;
using Christmas.Core.Backups;
using Christmas.Core.Common;
using Christmas.Core.Tokens;

namespace Christmas.Admin.Endpoints;

/// <summary><c>/api/backups</c> (Admins): the SQLite backups, newest first, and one made now.</summary>
public static class BackupsApi
{
    public static IEndpointRouteBuilder MapBackupsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/backups").WithTags("Backups").RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.Admin);
        group.MapGet("", List).WithName("listBackups").WithSummary("The backups in Backup:Directory, newest first")
            .Produces<IReadOnlyList<BackupEntry>>();
        group.MapPost("", MakeAsync).WithName("makeBackup")
            .WithSummary("Make a backup now (SQLite: VACUUM INTO, checked, then listed); on PostgreSQL a 409 pointing to pg_dump")
            .Produces<BackupEntry>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static IResult List(BackupFolder folder) => TypedResults.Ok(folder.List());

    private static async Task<IResult> MakeAsync(HttpContext context, SqliteBackupMaker maker, AuditLog audit, CancellationToken ct)
    {
        var made = await maker.MakeAsync(ct);
        if (made.Value is not { } entry) return ApiResults.From(made);
        await audit.RecordAsync(context.ActorName(), "backup.create", entry.File, $"{entry.Bytes} bytes", ct);
        return TypedResults.Created((string?)null, entry);
    }
}
