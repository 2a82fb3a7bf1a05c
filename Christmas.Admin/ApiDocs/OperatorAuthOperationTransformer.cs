using System.Text.Json.Nodes;
using Christmas.Admin.Security;
using Christmas.Admin.Security.Scopes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>
/// Each operation's auth, read from its endpoint's metadata: anonymous (webhooks) says so and needs
/// nothing; the others need a token (or a console user) and may answer 401 and 403, and name the token scope they need.
/// </summary>
public sealed class OperatorAuthOperationTransformer : IOpenApiOperationTransformer
{
    /// <summary>The scope a token needs for the operation (absent: only an <c>admin</c> token).</summary>
    public const string ScopeExtension = "x-required-scope";

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
        var adminOnly = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == OperatorPolicy.AdminOnly);
        if (adminOnly) operation.Description = Append(operation.Description, "Console users: Admin only.");
        // The innermost declaration wins, as in OperatorAuthorizationHandler; none means admin tokens only.
        var scope = metadata.OfType<RequiredScope>().LastOrDefault()?.Scope;
        if (scope is { Length: > 0 })
        {
            operation.Description = Append(operation.Description, $"Token scope: `{scope}`.");
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
        }
        operation.Responses.TryAdd("403", new OpenApiResponse
        {
            Description = adminOnly ? "The signed-in user is not an Admin, or the token lacks the scope." : "The token lacks the scope.",
        });
        return Task.CompletedTask;
    }

    private static string Append(string? text, string sentence) => string.IsNullOrEmpty(text) ? sentence : $"{text} {sentence}";
}
