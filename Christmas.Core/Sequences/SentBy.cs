namespace Christmas.Core.Sequences;

public enum SentBy
{
    Website,
    Scheduler,
}
