using System.Text.Json;

namespace Christmas.Core.Executions;

/// <summary>The one JSON form of an execution's log lines, used by EF and by the webhook's SQL alike.</summary>
public static class ExecutionLogJson
{
    public static string Serialize(List<ExecutionLogLine> lines) => JsonSerializer.Serialize(lines);

    public static List<ExecutionLogLine> Deserialize(string json)
    {
        var lines = JsonSerializer.Deserialize<List<ExecutionLogLine>>(json) ?? [];
        for (var i = 0; i < lines.Count; i++)
            if (LogLevelName.Normalize(lines[i].Level) is var level && level != lines[i].Level) lines[i] = lines[i] with { Level = level };
        return lines;
    }
}
