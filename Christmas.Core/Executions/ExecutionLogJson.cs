using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>The one JSON form of an execution's log lines, used by EF and by the webhook's SQL alike.</summary>
public static class ExecutionLogJson
{
    public static string Serialize(List<ExecutionLogLine> lines) => JsonSerializer.Serialize(lines);

    public static List<ExecutionLogLine> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<ExecutionLogLine>>(json) ?? [];
}
