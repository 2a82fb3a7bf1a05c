using Christmas.Core.Executions;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Endpoints;

/// <summary>The Kestra-like execution record a webhook answers with.</summary>
public sealed record WebhookResponse(
    string Id,
    string Namespace,
    string FlowId,
    WebhookState State,
    long? SequenceId,
    bool Deduplicated,
    IReadOnlyList<string> Warnings)
{
    public static WebhookResponse From(IngestResult result) => new(result.ExecutionId, Execution.Namespace, result.FlowId,
        new WebhookState(ExecutionState.Success), result.SequenceId, result.Deduplicated, result.Warnings);
}

public sealed record WebhookState(string Current);
