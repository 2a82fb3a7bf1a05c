namespace Christmas.Core.Retention;

/// <summary>What the Settings card and <c>GET /api/retention</c> show: the settings in force, the last purge (null before the first) and the database's size.</summary>
public sealed record RetentionStatus(RetentionSettings Settings, RetentionRun? LastRun, DatabaseSize Database);

/// <summary>Days kept per kind (0: forever) and the daily schedule (cron, UTC; empty: off).</summary>
public sealed record RetentionSettings(int Executions, int OutboxBodies, int DeliveryEvents, int AuditLog, string Schedule)
{
    public static RetentionSettings From(RetentionOptions o) => new(o.Executions, o.OutboxBodies, o.DeliveryEvents, o.AuditLog, o.Schedule?.Trim() ?? "");
}
