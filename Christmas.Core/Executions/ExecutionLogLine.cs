namespace Christmas.Core.Executions;

public sealed class ExecutionLogLine
{
    public long Id { get; private set; }
    public string ExecutionId { get; private set; } = "";
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
