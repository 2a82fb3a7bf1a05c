using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>
/// An execution in Kestra's shape (its <c>Execution</c> schema: id, namespace, flowId, flowRevision, state,
/// labels, originalId, deleted, metadata, trigger with the body at <c>trigger.variables.body</c>), followed
/// by our own fields: handler, triggeredBy, receivedAt, contactEmail, sequenceId, deduplicated, warnings,
/// payload, the ids of the executions that replayed this one, and for a refused call its HTTP status and reason.
/// </summary>
public sealed record ExecutionView(
    string Id,
    string Namespace,
    string FlowId,
    int FlowRevision,
    string TenantId,
    ExecutionStateView State,
    IReadOnlyList<ExecutionLabel> Labels,
    string OriginalId,
    bool Deleted,
    ExecutionMetadataView Metadata,
    ExecutionTriggerView Trigger,
    string Handler,
    string TriggeredBy,
    DateTime ReceivedAt,
    string? ContactEmail,
    long? SequenceId,
    bool Deduplicated,
    IReadOnlyList<string> Warnings,
    JsonElement Payload,
    IReadOnlyList<string> Replays,
    int? HttpStatus = null,
    string? Reason = null)
{
    /// <summary>A call we refused (<c>state.current</c> FAILED): nothing was stored, nothing started.</summary>
    public bool Refused => HttpStatus is not null;

    /// <summary>Our flows never change shape, so every execution ran revision 1.</summary>
    public const int Revision = 1;
    /// <summary>Kestra's open-source tenant.</summary>
    public const string Tenant = "main";

    /// <summary>Whether this execution replays another (its <see cref="OriginalId"/> is not its own id).</summary>
    public bool IsReplay => OriginalId != Id;
}
