using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Admin.ApiDocs;
using Christmas.Admin.Security;
using System.Text.Json;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Campaign.Revisions;

namespace Christmas.Admin.Endpoints;

/// <summary>The campaign's definition (DESIGN "The campaign definition"): the published one, its history, the shared draft, its impact preview and its publish.</summary>
public static class CampaignApi
{
    public static IEndpointRouteBuilder MapCampaignApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/campaign").WithTags("Campaign").RequireScope(ApiScopes.CampaignWrite);
        group.MapGet("", GetPublishedAsync).WithName("getCampaign")
            .WithSummary("The published definition with its \"revision\" (YAML with Accept: application/yaml)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status200OK, contentType: DefinitionBody.YamlType);
        group.MapGet("/revisions", GetRevisionsAsync).WithName("listCampaignRevisions")
            .WithSummary("Every published revision, newest first")
            .Produces<IReadOnlyList<RevisionSummary>>();
        group.MapGet("/revisions/{revision:int}", GetRevisionAsync).WithName("getCampaignRevision")
            .WithSummary("One revision's document (YAML with Accept: application/yaml)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/draft", GetDraftAsync).WithName("getCampaignDraft")
            .WithSummary("The shared draft, with who saved it and the revision it is based on")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/draft", PutDraftAsync).WithName("saveCampaignDraft")
            .WithSummary("Save the shared draft (JSON or application/yaml); 400 names each bad path and, for YAML, its line")
            .WithDescription("A `revision` in the body (an export) is ignored. Nothing is saved when any rule fails. Audited.")
            .DocumentsJsonBody<System.Text.Json.Nodes.JsonObject>()
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/draft", DeleteDraftAsync).WithName("deleteCampaignDraft")
            .WithSummary("Discard the shared draft (audited)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/draft/impact", PreviewImpactAsync).WithName("previewCampaignDraftImpact")
            .WithSummary("What publishing the draft would do to sequences in flight; nothing is written")
            .WithDescription("Body: {\"policy\": \"in-flight\" | \"new-only\"}. Counts the moved, added, cancelled, sent-at-once and skipped (overdue) steps, names each change, the removed handlers' calls in the last 7 days, and a sample of contacts' send times before and after.")
            .DocumentsJsonBody<ImpactRequest>()
            .Produces<PublishImpact>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/draft/publish", PublishAsync).WithName("publishCampaignDraft").RequireAuthorization(OperatorPolicy.AdminOnly).RequireScope(ApiScopes.CampaignPublish)
            .WithSummary("Publish the draft as revision n + 1 (Admin only; audited)")
            .WithDescription("Body: {\"policy\": \"in-flight\" | \"new-only\", \"expectedRevision\": n}. 409 when revision n is no longer the one in force. Answers the revision and the impact it applied; the draft is then gone.")
            .DocumentsJsonBody<PublishRequest>()
            .Produces<PublishReceipt>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> GetPublishedAsync(HttpRequest request, CampaignDefinitionStore store, CancellationToken ct)
    {
        var published = await store.PublishedAsync(ct);
        return Write(request, published.Document, ("revision", published.Revision));
    }

    private static async Task<IResult> GetRevisionsAsync(CampaignDefinitionStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.RevisionsAsync(ct));

    private static async Task<IResult> GetRevisionAsync(int revision, HttpRequest request, CampaignDefinitionStore store, CancellationToken ct) =>
        await store.RevisionAsync(revision, ct) is { } found
            ? Write(request, found.Document, ("revision", found.Revision))
            : ApiResults.NotFound($"There is no revision {revision}.");

    private static async Task<IResult> GetDraftAsync(HttpRequest request, CampaignDefinitionStore store, CancellationToken ct) =>
        await store.DraftAsync(ct) is { } draft ? WriteDraft(request, draft) : ApiResults.NotFound("There is no draft.");

    private static async Task<IResult> PutDraftAsync(HttpRequest request, DraftEditor editor, CancellationToken ct)
    {
        var (text, format, error) = await DefinitionBody.ReadAsync(request, ct);
        if (error is not null) return error;
        var saved = await editor.SaveAsync(text!, format, request.HttpContext.ActorName(), ct);
        if (saved.Draft is { } draft) return WriteDraft(request, draft);
        var errors = saved.Errors.GroupBy(e => e.Path.Length == 0 ? "$" : e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray());
        return TypedResults.ValidationProblem(errors, title: "The definition has errors; nothing was saved.");
    }

    private static async Task<IResult> DeleteDraftAsync(HttpContext context, DraftEditor editor, CancellationToken ct) =>
        await editor.DiscardAsync(context.ActorName(), ct) ? TypedResults.NoContent() : ApiResults.NotFound("There is no draft.");

    private static async Task<IResult> PreviewImpactAsync(HttpRequest request, CampaignPublisher publisher, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        if (PolicyOf(body.Root) is not { } policy) return PolicyInvalid();
        return ApiResults.From(await publisher.ImpactAsync(policy, ct));
    }

    private static async Task<IResult> PublishAsync(HttpRequest request, CampaignPublisher publisher, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        if (PolicyOf(body.Root) is not { } policy) return PolicyInvalid();
        if (!body.Root.TryGetProperty("expectedRevision", out var expected) || expected.ValueKind != JsonValueKind.Number || !expected.TryGetInt32(out var revision))
            return ApiResults.Invalid("expectedRevision", "expectedRevision must be the number of the revision in force, as GET /api/campaign answered it (the publish answers 409 if another was published since).");
        return ApiResults.From(await publisher.PublishAsync(policy, revision, request.HttpContext.ActorName(), ct));
    }

    private static string? PolicyOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policy", out var p) && p.ValueKind == JsonValueKind.String
            && p.GetString() is PublishPolicies.InFlight or PublishPolicies.NewOnly ? p.GetString() : null;

    private static IResult PolicyInvalid() => ApiResults.Invalid("policy",
        $"policy must be \"{PublishPolicies.InFlight}\" (pending steps of sequences in flight follow the new definition) or \"{PublishPolicies.NewOnly}\" (only sequences started afterwards do).");

    /// <summary>The preview's body, for the API documentation.</summary>
    public sealed record ImpactRequest(string Policy);

    /// <summary>The publish's body, for the API documentation.</summary>
    public sealed record PublishRequest(string Policy, int ExpectedRevision);

    private static IResult WriteDraft(HttpRequest request, DraftDefinition draft) =>
        Write(request, draft.Document, ("baseRevision", draft.BaseRevision), ("updatedAt", draft.UpdatedAt), ("updatedBy", draft.UpdatedBy));

    private static IResult Write(HttpRequest request, CampaignDocument document, params (string, object?)[] header)
    {
        var format = DefinitionBody.Wanted(request);
        return DefinitionBody.Answer(DefinitionWriter.Write(document, format, header), format);
    }
}
