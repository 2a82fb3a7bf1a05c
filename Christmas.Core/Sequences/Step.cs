using Christmas.Core.Common;
using Christmas.Core.Delivery.Events;

namespace Christmas.Core.Sequences;

/// <summary>One email of one sequence. The steps table is the scheduler's source of truth.</summary>
public sealed class Step
{
    public long Id { get; private set; }
    public long SequenceId { get; private set; }
    public Sequence? Sequence { get; private set; }
    public int Number { get; private set; }
    public string TemplateKey { get; private set; } = "";
    /// <summary>The plan: anchor + offset. Never moved by send rules.</summary>
    public DateTime DueAt { get; private set; }
    /// <summary>When it goes: the plan after send windows and the minimum gap (equal to <see cref="DueAt"/> when no rule moved it).</summary>
    public DateTime SendAt { get; private set; }
    /// <summary>Why <see cref="SendAt"/> differs from <see cref="DueAt"/>, for the timeline; null when it does not.</summary>
    public string? SendAtReason { get; private set; }
    /// <summary>Earliest time of the next attempt: the due time, later after a failed attempt's backoff.</summary>
    public DateTime NotBefore { get; private set; }
    public StepStatus Status { get; private set; }
    public SentBy? SentBy { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? ProviderMessageId { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>The last error, or why the step was skipped or cancelled.</summary>
    public string? LastError { get; private set; }
    /// <summary>Bumped by an operator's re-send, so the re-send gets an idempotency key of its own.</summary>
    public int SendGeneration { get; private set; }
    /// <summary>Set by an operator's re-send: it goes out even if the sequence has ended.</summary>
    public bool ManualSend { get; private set; }
    /// <summary>When the dispatcher last handed the step to a job (null: not handed over yet).</summary>
    public DateTime? DispatchedAt { get; private set; }
    public DateTime? ClaimedAt { get; private set; }
    /// <summary>
    /// The instance that last handed the step to a job or claimed it (see <c>Instances/ThisInstance</c>):
    /// while that instance's heartbeat is fresh the hand-over or claim is its own; once it is silent
    /// another instance takes it over. Null where no instance was recorded (before owners were).
    /// </summary>
    public string? Owner { get; private set; }
    /// <summary>
    /// The email as first rendered for the current send, kept so that every retry or recovery sends
    /// exactly the same payload under the same idempotency key (Resend refuses a key reused with
    /// another payload). Cleared by an operator's re-send, which renders anew.
    /// </summary>
    public string? MessageJson { get; private set; }
    /// <summary>
    /// The batch this send belongs to (<see cref="Delivery.Batches.SendBatch"/>), from its forming until an operator's
    /// re-send: every retry goes as that batch, under its key. Null: the step is sent alone, under <see cref="IdempotencyKey"/>.
    /// </summary>
    public long? BatchId { get; private set; }
    /// <summary>Its place in the batch's body, which is where the provider's answer gives its id.</summary>
    public int? BatchIndex { get; private set; }
    /// <summary>The furthest delivery status the provider reported (see <see cref="DeliveryStatuses.Rank"/>).</summary>
    public DeliveryStatus? DeliveryStatus { get; private set; }
    /// <summary>Every delivery status reached, as bits: what the funnel counts.</summary>
    public DeliveryFlags DeliveryFlags { get; private set; }
    /// <summary>Optimistic concurrency token: every status change bumps it.</summary>
    public int Version { get; private set; }

    private Step() { }

    private Step(StepDefinition definition, DateTime dueAt, StepStatus status)
    {
        Number = definition.Number;
        TemplateKey = definition.TemplateKey;
        DueAt = dueAt;
        SendAt = dueAt;
        NotBefore = dueAt;
        Status = status;
    }

    public static Step Scheduled(StepDefinition definition, DateTime dueAt) => new(definition, dueAt, StepStatus.Scheduled);

    /// <summary>Planned for <paramref name="dueAt"/>, sent at <paramref name="sendAt"/> because of <paramref name="reason"/> (a send rule).</summary>
    public static Step Scheduled(StepDefinition definition, DateTime dueAt, DateTime sendAt, string? reason) =>
        new(definition, dueAt, StepStatus.Scheduled) { SendAt = sendAt, NotBefore = sendAt, SendAtReason = sendAt == dueAt ? null : reason };

    public static Step Skipped(StepDefinition definition, DateTime dueAt, string reason) =>
        new(definition, dueAt, StepStatus.Skipped) { LastError = reason };

    /// <summary>Skipped at planning, with the time it would have gone (e.g. past the offer's end after a send window).</summary>
    public static Step Skipped(StepDefinition definition, DateTime dueAt, DateTime sendAt, string reason) =>
        new(definition, dueAt, StepStatus.Skipped) { LastError = reason, SendAt = sendAt, NotBefore = sendAt };

    public static Step SentByWebsiteAt(StepDefinition definition, DateTime sentAt) =>
        new(definition, sentAt, StepStatus.Sent) { SentBy = Sequences.SentBy.Website, SentAt = sentAt };

    /// <summary>Still to go: a held step counts, so its sequence stays active until an Admin releases or cancels it.</summary>
    public bool IsPending => Status is StepStatus.Scheduled or StepStatus.Sending or StepStatus.Held;

    /// <summary>
    /// Whether this send may join a new batch: never posted yet. One posted alone (a kept message, no batch)
    /// must be retried alone under its own key, and one of a batch only as that batch.
    /// </summary>
    public bool CanJoinBatch => BatchId is null && MessageJson is null;

    /// <summary>The key the provider sees: the same for every retry of one send, new for a re-send.</summary>
    public string IdempotencyKey => SendGeneration == 0 ? $"step-{Id}" : $"step-{Id}-resend-{SendGeneration}";

    public void Cancel(string reason)
    {
        if (Status == StepStatus.Held)
        {
            CancelHeld(reason);
            return;
        }
        // A member of a posted batch waiting for its retry is in flight, like a step being sent: the
        // provider may already have it, and the batch is re-sent as stored.
        if (Status != StepStatus.Scheduled || BatchId is not null) return;
        Move(StepStatus.Cancelled);
        LastError = reason;
    }

    /// <summary>
    /// An Admin released a step held after a restore: it goes back to the queue and is dispatched as usual.
    /// A member of a stored batch leaves it and goes alone with its kept message: re-posting the batch would
    /// also send its other members, which an Admin may have cancelled or not released yet.
    /// </summary>
    public void Release()
    {
        Require(StepStatus.Held);
        Move(StepStatus.Scheduled);
        DispatchedAt = null;
        BatchId = null;
        BatchIndex = null;
    }

    /// <summary>An Admin decided a held step must not go (or its sequence ended): cancelled, never sent.</summary>
    public void CancelHeld(string reason)
    {
        Require(StepStatus.Held);
        Move(StepStatus.Cancelled);
        LastError = reason;
    }

    /// <summary>A newer revision moved the step so far back that it is past the overdue grace: recorded as skipped, never sent.</summary>
    public void SkipOverdue(DateTime dueAt, string reason)
    {
        Require(StepStatus.Scheduled);
        Move(StepStatus.Skipped);
        DueAt = dueAt;
        LastError = reason;
    }

    /// <summary>A newer revision names another template; it is rendered at send time, so only the key changes.</summary>
    public void ChangeTemplate(string templateKey)
    {
        Require(StepStatus.Scheduled);
        TemplateKey = templateKey;
    }

    public void Reschedule(DateTime dueAt, DateTime sendAt, string? reason)
    {
        Require(StepStatus.Scheduled);
        DueAt = dueAt;
        SendAt = sendAt;
        SendAtReason = sendAt == dueAt ? null : reason;
        NotBefore = sendAt;
        DispatchedAt = null;
        Version++;
    }

    /// <summary>Its contact was erased: the kept message goes, and the address wherever an error quoted it.</summary>
    public void Redact(Func<string, string> redact)
    {
        MessageJson = null;
        LastError = LastError is null ? null : redact(LastError);
    }

    /// <summary>A provider event about this email: the furthest status wins; every status reached is kept as a flag.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool RecordDelivery(DeliveryStatus status)
    {
        var flags = DeliveryFlags | status.Flag();
        var furthest = DeliveryStatus is { } current && current.Rank() >= status.Rank() ? current : status;
        if (flags == DeliveryFlags && furthest == DeliveryStatus) return false;
        DeliveryFlags = flags;
        DeliveryStatus = furthest;
        return true;
    }

    /// <summary>The contact unsubscribed through this email's link (the funnel's "unsubscribed").</summary>
    public void RecordUnsubscribe() => DeliveryFlags |= DeliveryFlags.Unsubscribed;

    /// <summary>Claims the step for one send attempt, by <paramref name="owner"/> (an instance id) when given.</summary>
    public void BeginSending(DateTime now, string? owner = null)
    {
        Require(StepStatus.Scheduled);
        if (NotBefore > now) throw new InvalidStepTransitionException($"Step {Id} is not due before {NotBefore:O}.");
        Move(StepStatus.Sending);
        Attempts++;
        ClaimedAt = now;
        Owner = owner;
    }

    public void KeepMessage(string messageJson)
    {
        Require(StepStatus.Sending);
        MessageJson = messageJson;
    }

    /// <summary>Its message, fixed as member <paramref name="index"/> of batch <paramref name="batchId"/> before the first attempt.</summary>
    public void JoinBatch(long batchId, int index, string messageJson)
    {
        Require(StepStatus.Sending);
        if (!CanJoinBatch) throw new InvalidStepTransitionException($"Step {Id} was already posted; it is retried as it was sent.");
        BatchId = batchId;
        BatchIndex = index;
        MessageJson = messageJson;
    }

    public void MarkSent(DateTime now, string providerMessageId)
    {
        Require(StepStatus.Sending);
        Move(StepStatus.Sent);
        SentBy = Sequences.SentBy.Scheduler;
        SentAt = now;
        ProviderMessageId = providerMessageId;
        LastError = null;
    }

    /// <summary>A failed attempt: tried again at <paramref name="retryAt"/>, or failed for good when null.</summary>
    public void MarkAttemptFailed(string error, DateTime? retryAt)
    {
        Require(StepStatus.Sending);
        LastError = error;
        if (retryAt is { } at)
        {
            Move(StepStatus.Scheduled);
            NotBefore = at;
            DispatchedAt = null;
        }
        else
        {
            Move(StepStatus.Failed);
        }
    }

    /// <summary>At send time the step found it must not go out (sequence ended, contact suppressed).</summary>
    public void Abandon(string reason)
    {
        Require(StepStatus.Sending);
        Move(StepStatus.Cancelled);
        LastError = reason;
    }

    /// <summary>At send time the step found it must not go out by a campaign rule (the offer ended): skipped, not cancelled.</summary>
    public void SkipAtSend(string reason)
    {
        Require(StepStatus.Sending);
        Move(StepStatus.Skipped);
        LastError = reason;
    }

    /// <summary>A claim whose worker vanished (crash, lost job) goes back to the queue; the send keeps its key.</summary>
    public void RecoverStaleClaim()
    {
        Require(StepStatus.Sending);
        Move(StepStatus.Scheduled);
        DispatchedAt = null;
    }

    /// <summary>An operator's "send again now": a new send with its own key.</summary>
    public void RequestResend(DateTime now)
    {
        if (Status == StepStatus.Sending)
            throw new InvalidStepTransitionException($"Step {Id} is being sent right now.");
        if (Status != StepStatus.Scheduled)
        {
            SendGeneration++;
            MessageJson = null;
            BatchId = null;
            BatchIndex = null;
        }
        Move(StepStatus.Scheduled);
        NotBefore = now;
        DispatchedAt = null;
        ManualSend = true;
        LastError = null;
    }

    private void Require(StepStatus expected)
    {
        if (Status != expected)
            throw new InvalidStepTransitionException($"Step {Id} is {Status.ToApiName()}, not {expected.ToApiName()}.");
    }

    private void Move(StepStatus to)
    {
        Status = to;
        Version++;
    }
}
