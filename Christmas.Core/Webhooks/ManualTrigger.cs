using System.Text.Json;
using Christmas.Core.Audit;

namespace Christmas.Core.Webhooks;

/// <summary>
/// Starting a handler by hand (the operator API's <c>POST /api/sequences</c> and the console's trigger page):
/// the webhook's own validator and ingestor, with trigger "manual:&lt;actor&gt;" and an audit entry.
/// </summary>
public sealed class ManualTrigger(WebhookValidator validator, WebhookIngestor ingestor, AuditLog audit, TimeProvider time)
{
    public const string AuditAction = "sequence.trigger";

    public WebhookValidationResult Validate(HandlerDefinition handler, JsonElement body) =>
        validator.Validate(handler, body, time.GetUtcNow().UtcDateTime);

    /// <exception cref="Exception">Storage trouble: nothing was committed (the caller answers "retry").</exception>
    public async Task<TriggerResult> StartAsync(HandlerDefinition handler, JsonElement body, string actor, CancellationToken ct)
    {
        var validation = Validate(handler, body);
        if (validation.Input is not { } input) return new TriggerResult(null, validation.Errors);
        var result = await ingestor.IngestAsync(input, $"manual:{actor}", ct);
        var what = result.SequenceId is { } id
            ? $"sequence {id}{(result.Deduplicated ? " (deduplicated)" : "")}"
            : "no sequence";
        await audit.RecordAsync(actor, AuditAction, input.Email, $"{handler.Name}: {what}, execution {result.ExecutionId}", ct);
        return new TriggerResult(result, validation.Errors);
    }
}
