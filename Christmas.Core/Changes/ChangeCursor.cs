namespace Christmas.Core.Changes;

/// <summary>How far one consumer (the Notion mirror, later metrics) has read the change feed.</summary>
public sealed class ChangeCursor
{
    public string Consumer { get; private set; } = "";
    /// <summary>The id of the last change the consumer has taken in.</summary>
    public long Position { get; set; }

    private ChangeCursor() { }

    public ChangeCursor(string consumer, long position)
    {
        Consumer = consumer;
        Position = position;
    }
}
