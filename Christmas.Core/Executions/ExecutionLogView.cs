namespace Christmas.Core.Executions;

/// <summary>One log line in Kestra's <c>LogEntry</c> shape (level names ERROR, WARN, INFO, DEBUG, TRACE).</summary>
public sealed record ExecutionLogView(string Namespace, string FlowId, string ExecutionId, DateTime Timestamp, string Level, string Message);
