using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>
/// The server URL without its trailing slash ("http://host:8080", not "http://host:8080/"): paths start
/// with "/", and clients and linters (Redocly's no-server-trailing-slash) join them to the server as is.
/// </summary>
public sealed class ServerUrlDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        return Task.CompletedTask;
    }
}
