namespace Christmas.Core.Sequences;

public enum SequenceStatus
{
    Active,
    /// <summary>Ended with at least one of its emails sent by us.</summary>
    Completed,
    Cancelled,
    /// <summary>Ended without sending anything (every email overdue, past the offer's end, ...): not a success to show green.</summary>
    Skipped,
}
