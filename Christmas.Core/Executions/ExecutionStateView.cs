namespace Christmas.Core.Executions;

/// <summary>Kestra's <c>State</c>: the current state, its history, duration (ISO 8601) and start and end.</summary>
public sealed record ExecutionStateView(string Current, IReadOnlyList<StateHistoryView> Histories, string Duration, DateTime StartDate, DateTime EndDate)
{
    /// <summary>A webhook call is created and runs when it arrives and ends when its writes commit.</summary>
    public static ExecutionStateView Of(string current, DateTime startDate, DateTime endDate) => new(current,
        [new StateHistoryView("CREATED", startDate), new StateHistoryView("RUNNING", startDate), new StateHistoryView(current, endDate)],
        IsoDuration.Format(endDate - startDate), startDate, endDate);
}

/// <summary>Kestra's <c>State.History</c>.</summary>
public sealed record StateHistoryView(string State, DateTime Date);
