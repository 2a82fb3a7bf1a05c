using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>
/// A JSON body that a handler reads itself (to answer bad input its own way: 400, 413, 415) described
/// in the document. Not <c>Accepts&lt;T&gt;()</c>: that metadata also makes routing refuse other
/// content types with a bare 415 before the handler can answer.
/// </summary>
public sealed record RequestBodyDocumentation(Type Type, bool Required = true)
{
    public const string ContentType = "application/json";
}

public static class RequestBodyDocumentationExtensions
{
    public static RouteHandlerBuilder DocumentsJsonBody<T>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.WithMetadata(new RequestBodyDocumentation(typeof(T), required));
}

/// <summary>Writes <see cref="RequestBodyDocumentation"/> into the operation's requestBody.</summary>
public sealed class RequestBodyOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDocumentation>().LastOrDefault() is not { } body) return;
        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = body.Required,
            Content = new Dictionary<string, OpenApiMediaType> { [RequestBodyDocumentation.ContentType] = new() { Schema = schema } },
        };
    }
}
