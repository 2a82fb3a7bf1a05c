using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>Builds the Kestra-shaped view of a stored execution.</summary>
public static class ExecutionViews
{
    public static ExecutionView From(Execution e, IReadOnlyList<string> replays)
    {
        using var payload = JsonDocument.Parse(e.PayloadJson);
        var body = payload.RootElement.Clone();
        var kind = TriggerKind(e.Trigger);
        List<ExecutionLabel> labels = [new("trigger", kind)];
        if (e.Deduplicated) labels.Add(new ExecutionLabel("deduplicated", "true"));
        if (e.HttpStatus is { } status) labels.Add(new ExecutionLabel("httpStatus", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ExecutionView(
            e.Id, Execution.Namespace, e.FlowId, ExecutionView.Revision, ExecutionView.Tenant,
            ExecutionStateView.Of(e.State, e.ReceivedAt, e.EndedAt),
            labels, e.OriginalId ?? e.Id, Deleted: false, new ExecutionMetadataView(1, e.ReceivedAt),
            new ExecutionTriggerView(kind, ExecutionTriggerView.WebhookType, new ExecutionTriggerVariables(body)),
            e.FlowId, e.Trigger, e.ReceivedAt, e.ContactEmail, e.SequenceId, e.Deduplicated, e.Warnings.ToList(), body, replays,
            e.HttpStatus, e.Reason);
    }

    /// <summary>"webhook", "manual" or "replay": the stored trigger without who started it.</summary>
    public static string TriggerKind(string trigger) => trigger.Split(':', 2)[0];
}
