using Christmas.Core.Executions;

namespace Christmas.Admin.Endpoints;

/// <summary>Kestra's paged shape for executions: <c>{"results", "total"}</c>, newest first.</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionView> Results, int Total);
