namespace Christmas.Core.Executions;

/// <summary>Kestra's <c>Label</c>: <c>{key, value}</c>.</summary>
public sealed record ExecutionLabel(string Key, string Value);
