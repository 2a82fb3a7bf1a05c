namespace Christmas.Core.Delivery.Events;

/// <summary>
/// One provider event exactly as received (raw first, applied later by one loop): a replay or an
/// event that arrives before its send is recorded is harmless. <see cref="SvixId"/> is unique, so a
/// redelivered event is stored and applied once.
/// </summary>
public sealed class DeliveryEvent
{
    public long Id { get; private set; }
    /// <summary>The <c>svix-id</c> header: the same for every delivery attempt of one event.</summary>
    public string SvixId { get; private set; } = "";
    /// <summary>Resend's type, e.g. <c>email.bounced</c>.</summary>
    public string Type { get; private set; } = "";
    /// <summary><c>data.email_id</c>: the provider message id the step recorded when it was sent.</summary>
    public string? EmailId { get; private set; }
    /// <summary>The event's <c>created_at</c> (when it happened), else the receive time.</summary>
    public DateTime OccurredAt { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public string PayloadJson { get; private set; } = "{}";
    /// <summary>The step it was matched to, once applied.</summary>
    public long? StepId { get; private set; }
    /// <summary>Null while waiting to be applied (or for its step to be recorded).</summary>
    public DateTime? AppliedAt { get; private set; }
    /// <summary>What applying did, e.g. "applied", "ignored: domain.updated", "no step with this email id".</summary>
    public string? Outcome { get; private set; }
    /// <summary>Tries to match a step so far; an unmatched event is tried again later, with a longer wait.</summary>
    public int Attempts { get; private set; }
    public DateTime? RetryAt { get; private set; }
    /// <summary>When retention (<c>Retention:DeliveryEvents</c>) dropped the raw payload; type, times and outcome stay, and the step keeps its status and flags.</summary>
    public DateTime? PurgedAt { get; private set; }

    private DeliveryEvent() { }

    public DeliveryEvent(string svixId, string type, string? emailId, DateTime occurredAt, DateTime receivedAt, string payloadJson)
    {
        SvixId = svixId;
        Type = type;
        EmailId = emailId;
        OccurredAt = occurredAt;
        ReceivedAt = receivedAt;
        PayloadJson = payloadJson;
    }

    /// <summary>The person it was about was erased: the provider's payload (address, subject) goes; type and times stay for the counts.</summary>
    public void Redact(string payloadJson) => PayloadJson = payloadJson;

    public void Applied(long? stepId, string outcome, DateTime now)
    {
        StepId = stepId;
        Outcome = outcome;
        AppliedAt = now;
        RetryAt = null;
    }

    /// <summary>No step carries the email id yet (the send's commit may still be under way): try again at <paramref name="retryAt"/>.</summary>
    public void Unmatched(DateTime retryAt, string outcome)
    {
        Attempts++;
        RetryAt = retryAt;
        Outcome = outcome;
    }
}
