namespace Christmas.Core.Executions;

/// <summary>Kestra's search filters: flowId, state, startDate, endDate (all optional).</summary>
public sealed record ExecutionFilter(string? FlowId = null, string? State = null, DateTime? StartDate = null, DateTime? EndDate = null);
