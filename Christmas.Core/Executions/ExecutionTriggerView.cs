using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>Kestra's <c>ExecutionTrigger</c> of a webhook: the body received is at <c>variables.body</c>.</summary>
/// <param name="Id">"webhook", "manual" or "replay": how the call came in.</param>
public sealed record ExecutionTriggerView(string Id, string Type, ExecutionTriggerVariables Variables)
{
    public const string WebhookType = "io.kestra.plugin.core.trigger.Webhook";
}

public sealed record ExecutionTriggerVariables(JsonElement Body);
