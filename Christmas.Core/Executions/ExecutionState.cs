namespace Christmas.Core.Executions;

/// <summary>Kestra's execution state names: an accepted call ends in SUCCESS (warnings are listed apart), a refused one in FAILED.</summary>
public static class ExecutionState
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";

    /// <summary>Every name of Kestra's <c>State.Type</c>: a search may ask for any of them.</summary>
    public static readonly IReadOnlySet<string> KestraNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CREATED", "SUBMITTED", "RUNNING", "PAUSED", "RESTARTED", "KILLING", "SUCCESS", "WARNING", "FAILED", "KILLED",
        "CANCELLED", "QUEUED", "RETRYING", "RETRIED", "SKIPPED", "BREAKPOINT", "RESUBMITTED",
    };
}
