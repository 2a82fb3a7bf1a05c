namespace Christmas.Core.Delivery.Events;

/// <summary>What the provider reported about a sent email (DESIGN.md "Delivery events").</summary>
public enum DeliveryStatus
{
    DeliveryDelayed,
    Delivered,
    Opened,
    Clicked,
    Failed,
    Suppressed,
    Bounced,
    Complained,
}

/// <summary>
/// Bits of <see cref="Sequences.Step.DeliveryFlags"/>: every status a step has reached, so the funnel
/// counts "opened" for a step whose furthest status is "clicked" with one scan of the steps table.
/// </summary>
[Flags]
public enum DeliveryFlags
{
    None = 0,
    DeliveryDelayed = 1,
    Delivered = 2,
    Opened = 4,
    Clicked = 8,
    Failed = 16,
    Suppressed = 32,
    Bounced = 64,
    Complained = 128,
    /// <summary>The contact unsubscribed through this email's link (set by the unsubscribe, not by the provider).</summary>
    Unsubscribed = 256,
}

public static class DeliveryStatuses
{
    /// <summary>The API's spelling: <c>delivery_delayed</c>, <c>clicked</c>, ...</summary>
    public static string ToApiName(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.DeliveryDelayed => "delivery_delayed",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// How far a status goes: the furthest wins (clicked > opened > delivered > delayed), and a
    /// problem (failed, suppressed, bounced, complained) outranks any good news, so it stays visible.
    /// </summary>
    public static int Rank(this DeliveryStatus status) => (int)status;

    public static DeliveryFlags Flag(this DeliveryStatus status) => (DeliveryFlags)(1 << (int)status);

    /// <summary>The status a Resend event type sets (<c>email.bounced</c> → Bounced); null for events that set none (sent, scheduled, received, non-email).</summary>
    public static DeliveryStatus? FromResendType(string type) => type switch
    {
        "email.delivered" => DeliveryStatus.Delivered,
        "email.delivery_delayed" => DeliveryStatus.DeliveryDelayed,
        "email.bounced" => DeliveryStatus.Bounced,
        "email.complained" => DeliveryStatus.Complained,
        "email.opened" => DeliveryStatus.Opened,
        "email.clicked" => DeliveryStatus.Clicked,
        "email.failed" => DeliveryStatus.Failed,
        "email.suppressed" => DeliveryStatus.Suppressed,
        _ => null,
    };
}
