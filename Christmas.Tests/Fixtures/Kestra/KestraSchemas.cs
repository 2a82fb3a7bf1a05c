using System.Text.Json;
using System.Text.Json.Serialization;

namespace Christmas.Tests.Fixtures.Kestra;

// Small mirrors of Kestra's OpenAPI schemas (shared/reference/kestra-openapi-excerpt.json): every field the
// description lists as required is `required` here, so an answer missing one fails to deserialize.

public sealed record KestraPagedResults<T>
{
    public required List<T> Results { get; init; }
    public required long Total { get; init; }
}

/// <summary><c>ApiLightExecution</c>, what a search lists.</summary>
public sealed record KestraLightExecution
{
    public required string TenantId { get; init; }
    public required string Id { get; init; }
    public required string Namespace { get; init; }
    public required string FlowId { get; init; }
    public required int FlowRevision { get; init; }
    public required KestraState State { get; init; }
    public required string OriginalId { get; init; }
    public List<KestraLabel>? Labels { get; init; }
    public KestraTrigger? Trigger { get; init; }
}

/// <summary><c>Execution</c>, what <c>GET /executions/{id}</c> answers.</summary>
public sealed record KestraExecution
{
    public required string Id { get; init; }
    public required string Namespace { get; init; }
    public required string FlowId { get; init; }
    public required int FlowRevision { get; init; }
    public required KestraState State { get; init; }
    public required string OriginalId { get; init; }
    public required bool Deleted { get; init; }
    public required KestraMetadata Metadata { get; init; }
    public List<KestraLabel>? Labels { get; init; }
    public KestraTrigger? Trigger { get; init; }
}

public sealed record KestraState
{
    public required string Current { get; init; }
    public required List<KestraHistory> Histories { get; init; }
    public string? Duration { get; init; }
    public DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
}

public sealed record KestraHistory
{
    public required string State { get; init; }
    public required DateTimeOffset Date { get; init; }
}

public sealed record KestraLabel
{
    public required string Key { get; init; }
    public required string Value { get; init; }
}

public sealed record KestraTrigger
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public Dictionary<string, JsonElement>? Variables { get; init; }
}

public sealed record KestraMetadata
{
    public int AttemptNumber { get; init; }
    public required DateTimeOffset OriginalCreatedDate { get; init; }
}

/// <summary><c>LogEntry</c>.</summary>
public sealed record KestraLogEntry
{
    public required string Namespace { get; init; }
    public required string FlowId { get; init; }
    public string? ExecutionId { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public string? Level { get; init; }
    public string? Message { get; init; }
}

public static class KestraJson
{
    /// <summary>Kestra's JSON: camelCase names matched exactly, required members enforced.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static readonly string[] StateTypes =
    [
        "CREATED", "SUBMITTED", "RUNNING", "PAUSED", "RESTARTED", "KILLING", "SUCCESS", "WARNING", "FAILED", "KILLED",
        "CANCELLED", "QUEUED", "RETRYING", "RETRIED", "SKIPPED", "BREAKPOINT", "RESUBMITTED",
    ];

    public static readonly string[] Levels = ["ERROR", "WARN", "INFO", "DEBUG", "TRACE"];
}
