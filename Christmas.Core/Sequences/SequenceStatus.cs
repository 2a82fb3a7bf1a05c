namespace Christmas.Core.Sequences;

public enum SequenceStatus
{
    Active,
    Completed,
    Cancelled,
}
