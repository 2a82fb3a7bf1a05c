namespace Christmas.Core.Executions;

/// <summary>One line of an execution's log, stored with the execution as JSON (one row per webhook call).</summary>
public sealed record ExecutionLogLine(DateTime Timestamp, string Level, string Message);
