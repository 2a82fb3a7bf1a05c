namespace Christmas.Core.Executions;

/// <summary>Kestra's log level names.</summary>
public static class LogLevelName
{
    public const string Info = "INFO";
    public const string Warning = "WARNING";
}
