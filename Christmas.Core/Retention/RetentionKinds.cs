namespace Christmas.Core.Retention;

/// <summary>The kinds purged, as they appear in the API, the metric's <c>kind</c> label and the Settings card.</summary>
public static class RetentionKinds
{
    public const string Executions = "executions";
    public const string OutboxBodies = "outboxBodies";
    public const string SendBatches = "sendBatches";
    public const string DeliveryEvents = "deliveryEvents";
    public const string AuditLog = "auditLog";

    public static readonly IReadOnlyList<string> All = [Executions, OutboxBodies, SendBatches, DeliveryEvents, AuditLog];
}
