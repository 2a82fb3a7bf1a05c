namespace Christmas.Core.Executions;

/// <summary>One line of an execution's log (stored with the execution as JSON: a webhook writes one row, not one per line).</summary>
public sealed class ExecutionLogLine
{
    public DateTime Timestamp { get; private set; }
    public string Level { get; private set; } = LogLevelName.Info;
    public string Message { get; private set; } = "";

    private ExecutionLogLine() { }

    public ExecutionLogLine(DateTime timestamp, string level, string message)
    {
        Timestamp = timestamp;
        Level = level;
        Message = message;
    }
}
