using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>
/// One handler mapped on two routes (Kestra's aliases) would share an operationId; each such operation
/// gets its route-derived id instead, so every id in the document is unique and stable.
/// </summary>
public sealed class UniqueOperationIdsDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var operations = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => (Path: path.Key, Method: op.Key.Method, Operation: op.Value)))
            .ToList();
        foreach (var shared in operations.GroupBy(o => o.Operation.OperationId ?? "").Where(g => g.Count() > 1))
        foreach (var (path, method, operation) in shared.Skip(1))
            operation.OperationId = OperationIds.FromRoute(method, path);
        return Task.CompletedTask;
    }
}
