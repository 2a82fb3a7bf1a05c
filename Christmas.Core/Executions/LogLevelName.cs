namespace Christmas.Core.Executions;

/// <summary>Kestra's log level names (its <c>Level</c> enum: ERROR, WARN, INFO, DEBUG, TRACE).</summary>
public static class LogLevelName
{
    public const string Error = "ERROR";
    public const string Info = "INFO";
    public const string Warn = "WARN";

    /// <summary>Rows written before the names followed Kestra say "WARNING"; they read as <see cref="Warn"/>.</summary>
    public static string Normalize(string level) => level == "WARNING" ? Warn : level;
}
