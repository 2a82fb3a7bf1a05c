namespace Christmas.Core.Executions;

/// <summary>
/// Kestra's search filters, all optional: flows and states (any of), received between two times,
/// a text (<c>q</c>: id, flow or contact), a trigger kind and deduplication (the <c>trigger</c> and <c>deduplicated</c> labels). <see cref="MatchesNothing"/>
/// is set when a filter cannot match any of our executions (another namespace, a label we never set).
/// </summary>
public sealed record ExecutionFilter(string? FlowId = null, string? State = null, DateTime? StartDate = null, DateTime? EndDate = null)
{
    public IReadOnlyList<string> FlowIds { get; init; } = FlowId is null ? [] : [FlowId];
    public IReadOnlyList<string> States { get; init; } = State is null ? [] : [State.ToUpperInvariant()];
    public string? Text { get; init; }
    public string? TriggerKind { get; init; }
    public bool? Deduplicated { get; init; }
    public bool MatchesNothing { get; init; }
    public ExecutionSort Sort { get; init; } = ExecutionSort.Newest;
}
