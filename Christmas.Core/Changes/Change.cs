namespace Christmas.Core.Changes;

/// <summary>
/// One row of the change feed: "this contact, sequence or step changed". Appended in the same
/// transaction as the change (the webhook's group commit, or any EF save through
/// <see cref="ChangeFeedInterceptor"/>), so a consumer reading the feed by id misses nothing.
/// </summary>
public sealed class Change
{
    public long Id { get; private set; }
    public ChangeEntity Entity { get; private set; }
    public long EntityId { get; private set; }
    public DateTime At { get; private set; }

    private Change() { }

    public Change(ChangeEntity entity, long entityId, DateTime at)
    {
        Entity = entity;
        EntityId = entityId;
        At = at;
    }
}
