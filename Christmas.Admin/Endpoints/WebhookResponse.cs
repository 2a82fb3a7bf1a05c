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
    /// <summary>For an operator (the manual trigger): every warning.</summary>
    public static WebhookResponse From(IngestResult result) => From(result, result.Warnings);

    /// <summary>For the anonymous webhook caller: only <see cref="IngestResult.PublicWarnings"/>.</summary>
    public static WebhookResponse ForWebsite(IngestResult result) => From(result, result.PublicWarnings);

    private static WebhookResponse From(IngestResult result, IReadOnlyList<string> warnings) => new(result.ExecutionId, Execution.Namespace,
        result.FlowId, new WebhookState(ExecutionState.Success), result.SequenceId, result.Deduplicated, warnings);
}

public sealed record WebhookState(string Current);
