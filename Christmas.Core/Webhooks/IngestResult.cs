namespace Christmas.Core.Webhooks;

/// <summary>What an accepted webhook did; the body of its 200 answer is built from it.</summary>
public sealed record IngestResult(string ExecutionId, string FlowId, long? SequenceId, bool Deduplicated, IReadOnlyList<string> Warnings);
