namespace Christmas.Core.Webhooks;

/// <summary>A manual trigger's answer: the ingest result, or the validator's errors per field (nothing stored).</summary>
public sealed record TriggerResult(IngestResult? Result, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Result is not null;
}
