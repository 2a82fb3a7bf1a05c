using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>An execution as the Kestra-like API shows it.</summary>
public sealed record ExecutionView(
    string Id,
    string Namespace,
    string FlowId,
    string Handler,
    string Trigger,
    DateTime ReceivedAt,
    ExecutionStateView State,
    string? ContactEmail,
    long? SequenceId,
    bool Deduplicated,
    IReadOnlyList<string> Warnings,
    JsonElement Payload);

/// <summary>Kestra's <c>state</c> object.</summary>
public sealed record ExecutionStateView(string Current, DateTime StartDate, DateTime EndDate);

public sealed record ExecutionLogView(DateTime Timestamp, string Level, string Message);
