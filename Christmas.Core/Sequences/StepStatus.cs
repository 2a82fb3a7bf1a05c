namespace Christmas.Core.Sequences;

public enum StepStatus
{
    Scheduled,
    Sending,
    Sent,
    Failed,
    Cancelled,
    Skipped,
}
