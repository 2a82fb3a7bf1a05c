using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>The document's title and the Bearer scheme (the <c>Admin:ApiToken</c>) that operations refer to.</summary>
public sealed class OperatorApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Christmas Campaign Console: operator and monitoring API";
        document.Info.Description =
            "Every call needs `Authorization: Bearer <token>` (Admin:ApiToken, or a token made on the Tokens page, limited to its scopes: see each operation's x-required-scope) or a signed-in console user's cookie, " +
            "except the webhooks (the key in the path, or Resend's signature, is the credential). JSON is camelCase; times are ISO 8601 UTC. " +
            "Errors are RFC 9457 problem details; bad input is a 4xx naming the field.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Admin:ApiToken (every scope) or a stored token (cct_...). A signed-in console user's cookie is accepted too.",
        };
        return Task.CompletedTask;
    }
}
