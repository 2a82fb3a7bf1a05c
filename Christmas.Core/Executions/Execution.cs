using Christmas.Core.Sequences;

namespace Christmas.Core.Executions;

/// <summary>
/// One webhook call (or manual trigger), recorded like a Kestra execution: accepted calls end in SUCCESS;
/// calls we refused (<see cref="Refused"/>) in FAILED with the HTTP status and the reason, so the person
/// who must fix the caller can see them.
/// </summary>
public sealed class Execution
{
    public const string Namespace = "christmas.handlers";

    /// <summary>The largest webhook body accepted (the endpoints' 413 limit), so the largest payload stored.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

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
    /// <summary>The status a refused call was answered with (400, 404, 413, 415, 429); null for an accepted call.</summary>
    public int? HttpStatus { get; private set; }
    /// <summary>Why it was refused, for operators (the caller got a vaguer answer for a wrong key).</summary>
    public string? Reason { get; private set; }
    /// <summary>When retention (<c>Retention:Executions</c>) dropped the payload and log; the row and its counts stay.</summary>
    public DateTime? PurgedAt { get; private set; }

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

    /// <summary>A call we refused: nothing else was stored, nothing started.</summary>
    public static Execution Refused(RefusedCall call, DateTime now)
    {
        var execution = new Execution(ExecutionIds.New(now), call.Handler, "webhook", call.ReceivedAt, call.PayloadJson(), contactEmail: null)
        {
            State = ExecutionState.Failed,
            HttpStatus = call.Status,
            Reason = call.Reason,
        };
        execution.Logs.Add(new ExecutionLogLine(now, LogLevelName.Error, $"Refused with {call.Status}: {call.Reason}"));
        execution.Info(now, call.Details());
        execution.Finish(now, sequenceId: null, deduplicated: false);
        return execution;
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
