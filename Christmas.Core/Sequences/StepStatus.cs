namespace Christmas.Core.Sequences;

public enum StepStatus
{
    Scheduled,
    Sending,
    Sent,
    Failed,
    Cancelled,
    Skipped,
    /// <summary>
    /// Kept from sending after a restore from a backup: it may already have gone out between the backup and the restore.
    /// Never dispatched; an Admin releases it (back to scheduled) or cancels it.
    /// </summary>
    Held,
}
