namespace Christmas.Core.Executions;

/// <summary>Kestra's <c>ExecutionMetadata</c>: one attempt, created when the call arrived.</summary>
public sealed record ExecutionMetadataView(int AttemptNumber, DateTime OriginalCreatedDate);
