using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Christmas.Admin.ApiDocs;

/// <summary>Gives every operation an operationId (<see cref="OperationIds"/>); <see cref="UniqueOperationIdsDocumentTransformer"/> then makes them unique.</summary>
public sealed class OperationIdOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(operation.OperationId)) operation.OperationId = OperationIds.For(context.Description);
        return Task.CompletedTask;
    }
}
