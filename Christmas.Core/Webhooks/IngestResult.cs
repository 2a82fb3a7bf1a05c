namespace Christmas.Core.Webhooks;

/// <summary>What an accepted webhook did; the body of its 200 answer is built from it.</summary>
/// <param name="FirstDueAt">When the earliest email this call scheduled is due (null: none scheduled).</param>
public sealed record IngestResult(string ExecutionId, string FlowId, long? SequenceId, bool Deduplicated, IReadOnlyList<string> Warnings,
    DateTime? FirstDueAt)
{
    /// <summary>
    /// The warnings an anonymous caller may read: not that an address is suppressed or erased (anyone could
    /// probe addresses with the public keys); the execution log, seen only by operators, keeps them all.
    /// </summary>
    public IReadOnlyList<string> PublicWarnings { get; init; } = Warnings;
}
