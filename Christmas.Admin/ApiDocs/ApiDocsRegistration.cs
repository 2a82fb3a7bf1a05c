using Christmas.Admin.Security;
using Christmas.Admin.Security.Scopes;
using Scalar.AspNetCore;

namespace Christmas.Admin.ApiDocs;

/// <summary>The operator API described (OpenAPI at <c>/openapi/v1.json</c>) and browsable (Scalar at <c>/api/docs</c>), both behind sign-in.</summary>
public static class ApiDocsRegistration
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddChristmasApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            // The API only: not the console's pages, the unsubscribe pages or the sign-out form.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<OperatorApiDocumentTransformer>();
            o.AddOperationTransformer<OperatorAuthOperationTransformer>();
            o.AddOperationTransformer<RequestBodyOperationTransformer>();
            o.AddOperationTransformer<OperationIdOperationTransformer>();
            // After the operation transformers (document transformers run last, in order).
            o.AddDocumentTransformer<UniqueOperationIdsDocumentTransformer>();
            o.AddDocumentTransformer<ServerUrlDocumentTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapChristmasApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).RequireAuthorization(OperatorPolicy.Name).RequireScope(RequiredScope.AnyToken);
        // Scalar reads the document from its default route, /openapi/{documentName}.json, with the page's cookie.
        // Scalar's own fonts come from fonts.scalar.com: a third party learns who reads the docs. System fonts instead.
        app.MapScalarApiReference(ReferencePath, o => o.WithTitle("Christmas Campaign Console API").DisableDefaultFonts())
            .RequireAuthorization(OperatorPolicy.Name).RequireScope(RequiredScope.AnyToken);
        return app;
    }
}
