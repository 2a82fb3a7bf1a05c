using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using System.Text.Json;
using Christmas.Admin.ApiDocs;
using Christmas.Admin.Security;
using Christmas.Core.Templates;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// <c>/api/templates</c>: list, read, create or save a new version, preview. The same services as the
/// console's editor (<see cref="TemplateOperations"/>, <see cref="TemplatePreview"/>), so the same checks.
/// </summary>
public static class TemplatesApi
{
    public sealed record TemplateListItem(string Key, string Subject, int Version, DateTime UpdatedAt, IReadOnlyList<string> Variants);
    public sealed record TemplateVariantView(string Segment, string Key, string Subject, string Body, int Version, DateTime UpdatedAt);
    public sealed record TemplateView(string Key, string Subject, string Body, int Version, DateTime UpdatedAt, IReadOnlyList<TemplateVariantView> Variants);
    public sealed record TemplateSaveRequest(string Subject, string Body, string? Segment);
    public sealed record TemplatePreviewRequest(string? Email);

    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/templates").WithTags("Templates").RequireScope(ApiScopes.CampaignWrite);
        group.MapGet("", ListAsync).WithName("listTemplates")
            .WithSummary("Every base template's current version, with the segments that have a variant")
            .Produces<List<TemplateListItem>>();
        group.MapGet("/{key}", GetAsync).WithName("getTemplate")
            .WithSummary("One template's current version with each segment variant's")
            .Produces<TemplateView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{key}", PutAsync).WithName("saveTemplate")
            .WithSummary("Create a template or save a new version (of its variant when `segment` is given)")
            .WithDescription("The key is `^[a-z][a-z0-9-]{0,39}$` (or a variant key, `assessment-2.critical`); `segment` is CRITICAL, URGENT or OPTIMIZE. "
                + "A text that does not parse or uses an unknown variable is refused with 400 and nothing is saved. Audited.")
            .DocumentsJsonBody<TemplateSaveRequest>()
            .Produces<TemplateView>().Produces<TemplateView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{key}/preview", PreviewAsync).WithName("previewTemplate")
            .WithSummary("Render the saved text for a contact (their segment's variant when one applies) or with sample data; nothing saved")
            .DocumentsJsonBody<TemplatePreviewRequest>(required: false)
            .Produces<RenderedEmail>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(TemplateFamilies families, CancellationToken ct) =>
        TypedResults.Ok((await families.ListAsync(ct)).Select(f => new TemplateListItem(f.Template.Key, f.Template.Subject, f.Template.Version,
            f.Template.CreatedAt, f.Variants.Select(SegmentName).ToList())).ToList());

    private static async Task<IResult> GetAsync(string key, TemplateFamilies families, CancellationToken ct) =>
        await families.FindAsync(key, ct) is { } family ? TypedResults.Ok(View(family)) : ApiResults.NotFound($"There is no template '{key}'.");

    /// <summary><c>{"subject": "...", "body": "...", "segment": "CRITICAL"}</c>; segment may be left out.</summary>
    private static async Task<IResult> PutAsync(string key, HttpRequest request, TemplateOperations operations, TemplateFamilies families, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        if (body.Root.ValueKind != JsonValueKind.Object) return ApiResults.Invalid("body", "Send {\"subject\": \"...\", \"body\": \"...\"}.");
        if (Text(body.Root, "subject") is not { } subject) return ApiResults.Invalid("subject", "subject is required.");
        if (Text(body.Root, "body") is not { } text) return ApiResults.Invalid("body", "body is required.");
        if (body.Root.TryGetProperty("segment", out var s) && s.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return ApiResults.Invalid("segment", "segment must be CRITICAL, URGENT or OPTIMIZE.");

        var saved = await operations.PutAsync(key, Text(body.Root, "segment"), subject, text, request.HttpContext.ActorName(), ct);
        if (saved.Value is not { } template) return ApiResults.From(saved);
        var view = View((await families.FindAsync(template.Key, ct))!);
        return template.Version == 1 ? TypedResults.Created($"/api/templates/{Uri.EscapeDataString(template.Key)}", view) : TypedResults.Ok(view);
    }

    /// <summary><c>{"email": "..."}</c> for that contact; no body, <c>{}</c> or no email for sample data.</summary>
    private static async Task<IResult> PreviewAsync(string key, HttpRequest request, TemplatePreview preview, CancellationToken ct)
    {
        string? email = null;
        // The body is optional (sample data): read it only when the request says it has one.
        if (request.ContentLength is not 0 && (request.ContentLength is not null || request.ContentType is not null))
        {
            using var body = await JsonBody.ReadAsync(request, ct);
            if (body.Error is { } error) return error;
            if (body.Root.ValueKind != JsonValueKind.Object) return ApiResults.Invalid("email", "Send {\"email\": \"...\"} or {} for sample data.");
            email = Text(body.Root, "email");
        }
        return ApiResults.From(await preview.RenderSavedAsync(key, email, ct));
    }

    private static TemplateView View(TemplateFamily family) =>
        new(family.Template.Key, family.Template.Subject, family.Template.Body, family.Template.Version, family.Template.CreatedAt,
            family.Variants.Select(v => new TemplateVariantView(SegmentName(v), v.Key, v.Subject, v.Body, v.Version, v.CreatedAt)).ToList());

    private static string SegmentName(EmailTemplate variant) => variant.Key[(variant.Key.IndexOf('.') + 1)..].ToUpperInvariant();

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
