namespace Christmas.Core.Retention;

/// <summary>
/// How long each kind of bulky record is kept, in days (<c>Retention:*</c>); 0 keeps that kind forever.
/// What goes is the body; the rows the counts, the funnel and the dashboard read stay (audit entries excepted).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Execution payloads and logs; the execution row (handler, state, times, contact, sequence) stays.</summary>
    public int Executions { get; set; } = 90;

    /// <summary>Outbox message bodies (HTML, text, variables, headers), and settled send batches' request bodies.</summary>
    public int OutboxBodies { get; set; } = 30;

    /// <summary>Raw provider event payloads of applied events; the step keeps its status and delivery flags.</summary>
    public int DeliveryEvents { get; set; } = 30;

    /// <summary>Audit entries, deleted.</summary>
    public int AuditLog { get; set; } = 365;

    /// <summary>When the daily purge runs (cron, UTC); empty turns the schedule off ("Purge now" still works).</summary>
    public string Schedule { get; set; } = "30 3 * * *";
}
