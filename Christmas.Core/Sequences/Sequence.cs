using Christmas.Core.Common;
using Christmas.Core.Contacts;

namespace Christmas.Core.Sequences;

/// <summary>One run of a sequence definition for one contact.</summary>
public sealed class Sequence
{
    public long Id { get; private set; }
    public long ContactId { get; private set; }
    public Contact? Contact { get; private set; }
    /// <summary>The definition's sequence name (the API's "kind", e.g. <c>assessment</c>).</summary>
    public string Kind { get; private set; } = "";
    public SequenceMode Mode { get; private set; }
    public SequenceStatus Status { get; private set; }
    public string DedupeKey { get; private set; } = "";
    public DateTime AnchorAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string? EndedReason { get; private set; }
    /// <summary>The latest webhook body for this sequence; its fields are template variables.</summary>
    public string PayloadJson { get; private set; } = "{}";
    public string? ExecutionId { get; private set; }
    /// <summary>
    /// The campaign definition revision the sequence follows: the one in force when it started, or the
    /// one an in-flight publish moved it to. Rows written before revisions existed (and by the ingest's
    /// SQL, which does not name the column) get the database default, 1.
    /// </summary>
    public int Revision { get; private set; } = 1;
    public List<Step> Steps { get; private set; } = [];

    private Sequence() { }

    public Sequence(long contactId, string kind, SequenceMode mode, string dedupeKey, DateTime anchorAt,
        DateTime now, string payloadJson, string executionId, IEnumerable<Step> steps, int revision = 1)
    {
        Revision = revision;
        ContactId = contactId;
        Kind = kind;
        Mode = mode;
        Status = SequenceStatus.Active;
        DedupeKey = dedupeKey;
        AnchorAt = anchorAt;
        CreatedAt = now;
        PayloadJson = payloadJson;
        ExecutionId = executionId;
        Steps = steps.ToList();
        CompleteIfDone(now);
    }

    /// <summary>Ends an active sequence; its scheduled steps are cancelled with the same reason.</summary>
    public bool End(string reason, DateTime now)
    {
        if (Status != SequenceStatus.Active) return false;
        foreach (var step in Steps) step.Cancel(reason);
        Status = SequenceStatus.Cancelled;
        EndedAt = now;
        EndedReason = reason;
        return true;
    }

    /// <summary>An in-flight publish brought the sequence to <paramref name="revision"/>'s definition.</summary>
    public void Follow(int revision) => Revision = revision;

    /// <summary>A step a newer revision added, still ahead of now (a publish never back-fills).</summary>
    public void AddStep(Step step)
    {
        if (Status != SequenceStatus.Active) throw new InvalidOperationException($"Sequence {Id} is {Status}: no step can be added.");
        Steps.Add(step);
    }

    /// <summary>Its contact was erased: the webhook body it kept (names, answers, the address) goes.</summary>
    public void RedactPayload() => PayloadJson = "{}";

    /// <summary>
    /// Ends the sequence once none of its steps is waiting or in flight: completed when we sent at least
    /// one of its emails, else skipped with why (an email the website sent itself is not ours).
    /// </summary>
    public void CompleteIfDone(DateTime now)
    {
        if (Status != SequenceStatus.Active || Steps.Any(s => s.IsPending)) return;
        EndedAt = now;
        if (Steps.Any(s => s is { Status: StepStatus.Sent, SentBy: not Sequences.SentBy.Website }))
        {
            Status = SequenceStatus.Completed;
            EndedReason ??= "all steps done";
            return;
        }
        Status = SequenceStatus.Skipped;
        EndedReason ??= NothingSentReason(Steps);
    }

    /// <summary>"nothing sent: overdue", or each distinct reason of the steps we did not send.</summary>
    public static string NothingSentReason(IEnumerable<Step> steps)
    {
        var reasons = steps.Where(s => s.SentBy != Sequences.SentBy.Website)
            .Select(s => s.LastError ?? s.Status.ToApiName()).Distinct().ToList();
        return reasons.Count == 0 ? "nothing sent" : "nothing sent: " + string.Join("; ", reasons);
    }

    /// <summary>Moves the scheduled steps to <paramref name="mode"/>'s offsets (see <see cref="StepPlanner.Reschedule"/>).</summary>
    /// <param name="rules">Send windows for the new times (null: none); the gap is not re-applied here.</param>
    public int Reschedule(SequenceMode mode, SequenceDefinition definition, DateTime now, SendRules.SendRuleSet? rules = null)
    {
        if (Status != SequenceStatus.Active || Mode == mode) return 0;
        Mode = mode;
        // A step the definition no longer has (removed in a later revision, published new-only) keeps its time.
        var pending = Steps.Where(s => s.Status == StepStatus.Scheduled && !s.ManualSend && definition.Step(s.Number) is not null)
            .OrderBy(s => s.Number).ToList();
        var dues = StepPlanner.Reschedule(AnchorAt, pending.Select(s => definition.Step(s.Number)!.OffsetFor(mode)).ToList(), now);
        for (var i = 0; i < pending.Count; i++)
        {
            var (sendAt, reason) = rules?.Place(dues[i], mode, Contact?.TimeZone, [], now) ?? (dues[i], null);
            pending[i].Reschedule(dues[i], sendAt, reason);
        }
        return pending.Count;
    }
}
