using Christmas.Admin.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>
/// Each operation's auth, read from its endpoint's metadata: anonymous (webhooks) says so and needs
/// nothing; the others need the Bearer token and may answer 401, and Admin-only ones 403.
/// </summary>
public sealed class OperatorAuthOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            operation.Description = Append(operation.Description, "Anonymous: no token needed.");
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(OperatorApiDocumentTransformer.BearerScheme, context.Document)] = [],
        }];
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid token and no signed-in console user." });
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == OperatorPolicy.AdminOnly))
        {
            operation.Description = Append(operation.Description, "Admin only (the API token is an Admin).");
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The signed-in user is not an Admin." });
        }
        return Task.CompletedTask;
    }

    private static string Append(string? text, string sentence) => string.IsNullOrEmpty(text) ? sentence : $"{text} {sentence}";
}
