namespace Christmas.Core.Executions;

/// <summary>Kestra's execution state names; an accepted call always ends in SUCCESS (warnings are listed apart).</summary>
public static class ExecutionState
{
    public const string Success = "SUCCESS";
}
