namespace Christmas.Core.Executions;

/// <summary>Kestra's <c>sort=field:asc|desc</c> on executions.</summary>
public sealed record ExecutionSort(ExecutionSortField Field, bool Descending)
{
    public static readonly ExecutionSort Newest = new(ExecutionSortField.StartDate, true);

    /// <summary>Kestra's field names, as its search accepts them.</summary>
    public static readonly IReadOnlyDictionary<string, ExecutionSortField> Fields = new Dictionary<string, ExecutionSortField>(StringComparer.Ordinal)
    {
        ["id"] = ExecutionSortField.Id,
        ["state.startDate"] = ExecutionSortField.StartDate,
        ["state.endDate"] = ExecutionSortField.EndDate,
        ["state.duration"] = ExecutionSortField.Duration,
        ["namespace"] = ExecutionSortField.Namespace,
        ["flowId"] = ExecutionSortField.FlowId,
        ["state.current"] = ExecutionSortField.State,
    };

    /// <param name="text"><c>field</c>, <c>field:asc</c> or <c>field:desc</c> (Kestra's default direction is ascending).</param>
    /// <returns>Null when the field or the direction is not one Kestra knows.</returns>
    public static ExecutionSort? Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length > 2 || !Fields.TryGetValue(parts[0], out var field)) return null;
        var direction = parts.Length == 2 ? parts[1].ToLowerInvariant() : "asc";
        return direction switch
        {
            "asc" => new ExecutionSort(field, false),
            "desc" => new ExecutionSort(field, true),
            _ => null,
        };
    }
}

public enum ExecutionSortField
{
    Id,
    StartDate,
    EndDate,
    Duration,
    Namespace,
    FlowId,
    State,
}
