using Christmas.Core.Sequences;

namespace Christmas.Core.Executions;

/// <summary>One accepted webhook call (or manual trigger), recorded like a Kestra execution.</summary>
public sealed class Execution
{
    public const string Namespace = "christmas.handlers";

    public string Id { get; private set; } = "";
    public string FlowId { get; private set; } = "";
    /// <summary>"webhook", "manual:&lt;user&gt;" or "replay:&lt;user&gt;".</summary>
    public string Trigger { get; private set; } = "";
    /// <summary>The execution this one replays (Kestra's <c>originalId</c>); null for a call of its own.</summary>
    public string? OriginalId { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime EndedAt { get; private set; }
    /// <summary>EndedAt - ReceivedAt, stored so that Kestra's <c>sort=state.duration</c> runs in the database.</summary>
    public long DurationMs { get; private set; }
    public string State { get; private set; } = ExecutionState.Success;
    public string PayloadJson { get; private set; } = "{}";
    public string? ContactEmail { get; private set; }
    public long? SequenceId { get; private set; }
    public Sequence? Sequence { get; private set; }
    public bool Deduplicated { get; private set; }
    public List<ExecutionLogLine> Logs { get; private set; } = [];

    private Execution() { }

    public Execution(string id, string flowId, string trigger, DateTime receivedAt, string payloadJson, string? contactEmail, string? originalId = null)
    {
        Id = id;
        FlowId = flowId;
        Trigger = trigger;
        ReceivedAt = receivedAt;
        EndedAt = receivedAt;
        PayloadJson = payloadJson;
        ContactEmail = contactEmail;
        OriginalId = originalId;
    }

    public IEnumerable<string> Warnings => Logs.Where(l => l.Level == LogLevelName.Warn).Select(l => l.Message);

    public void Info(DateTime at, string message) => Logs.Add(new ExecutionLogLine(at, LogLevelName.Info, message));

    public void Warn(DateTime at, string message) => Logs.Add(new ExecutionLogLine(at, LogLevelName.Warn, message));

    /// <summary>
    /// The person it was about was erased: the payload goes, the address becomes the contact's placeholder,
    /// and the log keeps its lines (so counts and states stay true) with the address taken out.
    /// </summary>
    public void Redact(string payloadJson, string? placeholderEmail, Func<string, string> redact)
    {
        PayloadJson = payloadJson;
        ContactEmail = ContactEmail is null ? null : placeholderEmail;
        Logs = Logs.Select(l => l with { Message = redact(l.Message) }).ToList();
    }

    public void Finish(DateTime at, long? sequenceId, bool deduplicated)
    {
        SequenceId = sequenceId;
        Deduplicated = deduplicated;
        EndedAt = at;
        DurationMs = Math.Max(0, (long)(at - ReceivedAt).TotalMilliseconds);
    }
}
