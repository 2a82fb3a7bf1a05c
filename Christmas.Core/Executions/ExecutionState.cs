namespace Christmas.Core.Executions;

/// <summary>Kestra's execution state names; an accepted call always ends in SUCCESS (warnings are listed apart).</summary>
public static class ExecutionState
{
    public const string Success = "SUCCESS";

    /// <summary>Every name of Kestra's <c>State.Type</c>: a search may ask for any of them.</summary>
    public static readonly IReadOnlySet<string> KestraNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CREATED", "SUBMITTED", "RUNNING", "PAUSED", "RESTARTED", "KILLING", "SUCCESS", "WARNING", "FAILED", "KILLED",
        "CANCELLED", "QUEUED", "RETRYING", "RETRIED", "SKIPPED", "BREAKPOINT", "RESUBMITTED",
    };
}
