namespace Christmas.Core.Webhooks;

/// <summary>What an accepted webhook did; the body of its 200 answer is built from it.</summary>
/// <param name="FirstDueAt">When the earliest email this call scheduled is due (null: none scheduled).</param>
public sealed record IngestResult(string ExecutionId, string FlowId, long? SequenceId, bool Deduplicated, IReadOnlyList<string> Warnings,
    DateTime? FirstDueAt);
