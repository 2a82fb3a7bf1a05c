using System.Diagnostics.Metrics;
using Christmas.Core.Delivery;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Sequences;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Telemetry;

/// <summary>
/// The counters and the send-lag histogram. Recording is a counter add with two tags: no database,
/// no allocation, so it is cheap on the webhook's hot path. Labels are bounded sets (handler names,
/// outcomes, providers, event types), never an address or a token.
/// </summary>
public sealed class CampaignMetrics
{
    /// <summary>Send lag buckets, in seconds: a second to a day.</summary>
    private static readonly double[] LagBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _sends;
    private readonly Histogram<double> _sendLag;
    private readonly Counter<long> _deliveryEvents;
    private readonly Counter<long> _refused;
    private readonly IOptionsMonitor<EmailOptions> _email;

    public CampaignMetrics(IMeterFactory meters, IOptionsMonitor<EmailOptions> email)
    {
        _email = email;
        var meter = meters.Create(CampaignTelemetry.Name);
        _webhooks = meter.CreateCounter<long>("christmas.webhooks", "{call}",
            "Webhook calls answered, by handler and outcome (accepted, deduplicated, invalid, refused, failed).");
        _sends = meter.CreateCounter<long>("christmas.sends", "{attempt}",
            "Send attempts finished, by provider and outcome (sent, retry, failed, skipped, cancelled).");
        _sendLag = meter.CreateHistogram("christmas.send.lag", "s",
            "Seconds from a step's planned send time (its due time after send rules) to the provider's acceptance.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        _deliveryEvents = meter.CreateCounter<long>("christmas.delivery.events", "{event}",
            "Provider delivery events received, by type and outcome (recorded, duplicate).");
        _refused = meter.CreateCounter<long>("christmas.webhooks.refused", "{call}",
            "Webhook calls refused, by HTTP status and whether the call was kept as a FAILED execution (recorded, dropped: more came than could be written).");
    }

    public void WebhookRefused(int status, bool recorded) =>
        _refused.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("outcome", recorded ? "recorded" : "dropped"));

    public void WebhookHandled(string handler, string outcome) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("handler", handler), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One send attempt of <paramref name="step"/> is over: its status tells the outcome.</summary>
    public void SendFinished(Step step)
    {
        if (OutcomeOf(step.Status) is not { } outcome) return;
        var provider = _email.CurrentValue.Provider.ToLowerInvariant();
        _sends.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));
        // An operator's re-send goes long after its plan on purpose: it is not lag.
        if (step is { Status: StepStatus.Sent, SentAt: { } sentAt, ManualSend: false })
            _sendLag.Record(Math.Max(0, (sentAt - step.SendAt).TotalSeconds), new KeyValuePair<string, object?>("provider", provider));
    }

    public void DeliveryEventReceived(string type, bool duplicate) =>
        _deliveryEvents.Add(1, new KeyValuePair<string, object?>("type", TypeLabel(type)),
            new KeyValuePair<string, object?>("outcome", duplicate ? "duplicate" : "recorded"));

    private static string? OutcomeOf(StepStatus status) => status switch
    {
        StepStatus.Sent => "sent",
        StepStatus.Scheduled => "retry",
        StepStatus.Failed => "failed",
        StepStatus.Skipped => "skipped",
        StepStatus.Cancelled => "cancelled",
        _ => null,
    };

    /// <summary>Resend's type names mapped onto a fixed set, so a signed but unexpected type cannot grow the label set.</summary>
    private static string TypeLabel(string type) =>
        DeliveryStatuses.FromResendType(type)?.ToApiName() ?? (type == "email.sent" ? "sent" : "other");
}
